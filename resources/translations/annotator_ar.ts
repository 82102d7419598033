<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AdjudicationWindow</name>
    <message>
        <source>Adjudicate — %s</source>
        <translation>الفصل في الخلاف — %s</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>المعتمد</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>المجموعة</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>قبول</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <source>Only this one</source>
        <translation>هذا وحده</translation>
    </message>
    <message>
        <source>Accept group (both)</source>
        <translation>قبول المجموعة (كلاهما)</translation>
    </message>
    <message>
        <source>Reject group (none)</source>
        <translation>رفض المجموعة (لا شيء)</translation>
    </message>
    <message>
        <source>Accept all agreed</source>
        <translation>قبول كل المتفق عليه</translation>
    </message>
    <message>
        <source>Next difference</source>
        <translation>الخلاف التالي</translation>
    </message>
    <message>
        <source>Previous difference</source>
        <translation>الخلاف السابق</translation>
    </message>
    <message>
        <source>Mark gold done</source>
        <translation>اعتماد المستند منجزًا</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>%s — spans: %d, claims: %d</source>
        <translation>%s — الكيانات: %d، الادعاءات: %d</translation>
    </message>
    <message>
        <source>gold (the result) — spans: %d, claims: %d · %s</source>
        <translation>gold (النتيجة) — الكيانات: %d، الادعاءات: %d · %s</translation>
    </message>
    <message>
        <source>{items}, {differences}, {gold}</source>
        <translation>{items}، {differences}، {gold}</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>لا عناصر</numerusform>
            <numerusform>عنصر واحد</numerusform>
            <numerusform>عنصران</numerusform>
            <numerusform>%n عناصر</numerusform>
            <numerusform>%n عنصرًا</numerusform>
            <numerusform>%n عنصر</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s)</source>
        <translation>
            <numerusform>لا خلافات</numerusform>
            <numerusform>خلاف واحد</numerusform>
            <numerusform>خلافان</numerusform>
            <numerusform>%n خلافات</numerusform>
            <numerusform>%n خلافًا</numerusform>
            <numerusform>%n خلاف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in gold</source>
        <translation>
            <numerusform>لا شيء في النسخة المعتمدة</numerusform>
            <numerusform>واحد في النسخة المعتمدة</numerusform>
            <numerusform>اثنان في النسخة المعتمدة</numerusform>
            <numerusform>%n في النسخة المعتمدة</numerusform>
            <numerusform>%n في النسخة المعتمدة</numerusform>
            <numerusform>%n في النسخة المعتمدة</numerusform>
        </translation>
    </message>
    <message>
        <source>span</source>
        <translation>كيان</translation>
    </message>
    <message>
        <source>claim</source>
        <translation>ادعاء</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>بلا مصدر</translation>
    </message>
    <message>
        <source>accept</source>
        <translation>قبول</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <source>accept only this</source>
        <translation>قبول هذا وحده</translation>
    </message>
    <message>
        <source>accept group</source>
        <translation>قبول المجموعة</translation>
    </message>
    <message>
        <source>reject group</source>
        <translation>رفض المجموعة</translation>
    </message>
    <message>
        <source>accept agreed items</source>
        <translation>قبول المتفق عليه</translation>
    </message>
    <message>
        <source>No differences: the annotators agree on everything.</source>
        <translation>لا خلافات: اتفق الموسِّمون على كل شيء.</translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message>
        <source>Agreement — %s</source>
        <translation>الاتفاق — %s</translation>
    </message>
    <message>
        <source>Compare:</source>
        <translation>قارن:</translation>
    </message>
    <message>
        <source>Token tags:</source>
        <translation>وسوم الكلمات:</translation>
    </message>
    <message>
        <source>label per token (IO)</source>
        <translation>وسم لكل كلمة (IO)</translation>
    </message>
    <message>
        <source>BIO</source>
        <translation>BIO</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>احسب</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>المقياس</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <source>What it counts</source>
        <translation>ما يقيسه</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Exact F1</source>
        <translation>F1 المطابقة التامة</translation>
    </message>
    <message>
        <source>Exact P</source>
        <translation>P المطابقة التامة</translation>
    </message>
    <message>
        <source>Exact R</source>
        <translation>R المطابقة التامة</translation>
    </message>
    <message>
        <source>Overlap F1</source>
        <translation>F1 التداخل</translation>
    </message>
    <message>
        <source>Overlap P</source>
        <translation>P التداخل</translation>
    </message>
    <message>
        <source>Overlap R</source>
        <translation>R التداخل</translation>
    </message>
    <message>
        <source>Spans (first)</source>
        <translation>الكيانات (الأول)</translation>
    </message>
    <message>
        <source>Spans (second)</source>
        <translation>الكيانات (الثاني)</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>الموسِّمون</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>Token κ</source>
        <translation>κ الكلمات</translation>
    </message>
    <message>
        <source>Token κ (marked)</source>
        <translation>κ الكلمات (الموسومة)</translation>
    </message>
    <message>
        <source>Attribution F1</source>
        <translation>F1 الإسناد</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>الكيانات</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>الإجمالي</translation>
    </message>
    <message>
        <source>Per label</source>
        <translation>لكل وسم</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>الأزواج</translation>
    </message>
    <message>
        <source>Documents: click a column to sort (hardest first by exact F1); double-click to open.</source>
        <translation>المستندات: انقر عمودًا للترتيب (الأصعب أولًا حسب F1 المطابقة التامة)؛ انقر مرتين للفتح.</translation>
    </message>
    <message>
        <source>Adjudicate selected document…</source>
        <translation>الفصل في المستند المحدد…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Choose two annotators or more. This project has: %s</source>
        <translation>اختر موسِّمَين أو أكثر. في هذا المشروع: %s</translation>
    </message>
    <message>
        <source>nobody yet — merge the annotators&apos; files</source>
        <translation>لا أحد بعد — ادمج ملفات الموسِّمين</translation>
    </message>
    <message>
        <source>Documents worked on by two or more of %s: %d.</source>
        <translation>المستندات التي عمل عليها اثنان أو أكثر من %s: %d.</translation>
    </message>
    <message>
        <source>Span F1, exact (micro)</source>
        <translation>F1 الكيانات، مطابقة تامة (micro)</translation>
    </message>
    <message>
        <source>same start, end and label; pairs summed</source>
        <translation>البداية والنهاية والوسم نفسها؛ مجموع الأزواج</translation>
    </message>
    <message>
        <source>Span F1, exact (macro)</source>
        <translation>F1 الكيانات، مطابقة تامة (macro)</translation>
    </message>
    <message>
        <source>mean of the labels&apos; F1</source>
        <translation>متوسط F1 الوسوم</translation>
    </message>
    <message>
        <source>Span F1, overlap (micro)</source>
        <translation>F1 الكيانات، تداخل (micro)</translation>
    </message>
    <message>
        <source>same label, a character in common, one-to-one</source>
        <translation>الوسم نفسه وحرف مشترك على الأقل، واحدًا لواحد</translation>
    </message>
    <message>
        <source>Span F1, overlap (macro)</source>
        <translation>F1 الكيانات، تداخل (macro)</translation>
    </message>
    <message>
        <source>Token Cohen&apos;s κ, all tokens</source>
        <translation>κ كوهين للكلمات، كل الكلمات</translation>
    </message>
    <message>
        <source>%s tags; mean over pairs</source>
        <translation>وسوم %s؛ متوسط الأزواج</translation>
    </message>
    <message>
        <source>Token Cohen&apos;s κ, marked tokens</source>
        <translation>κ كوهين للكلمات، الكلمات الموسومة</translation>
    </message>
    <message>
        <source>tokens either annotator tagged</source>
        <translation>الكلمات التي وسمها أحد الموسِّمَين</translation>
    </message>
    <message>
        <source>Claims: attribution F1</source>
        <translation>الادعاءات: F1 الإسناد</translation>
    </message>
    <message>
        <source>overlapping content and the same source</source>
        <translation>محتوى متداخل والمصدر نفسه</translation>
    </message>
    <message>
        <source>Claims: content F1</source>
        <translation>الادعاءات: F1 المحتوى</translation>
    </message>
    <message>
        <source>overlapping content</source>
        <translation>محتوى متداخل</translation>
    </message>
    <message>
        <source>Claims: κ of %s</source>
        <translation>الادعاءات: κ لـ %s</translation>
    </message>
    <message numerus="yes">
        <source>%n matched claim pair(s)</source>
        <translation>
            <numerusform>لا أزواج من الادعاءات المتطابقة</numerusform>
            <numerusform>زوج واحد من الادعاءات المتطابقة</numerusform>
            <numerusform>زوجان من الادعاءات المتطابقة</numerusform>
            <numerusform>%n أزواج من الادعاءات المتطابقة</numerusform>
            <numerusform>%n زوجًا من الادعاءات المتطابقة</numerusform>
            <numerusform>%n زوج من الادعاءات المتطابقة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotateAllDialog</name>
    <message>
        <source>Annotate all occurrences</source>
        <translation>وسم كل المواضع</translation>
    </message>
    <message>
        <source>Tag the other occurrences of &lt;b&gt;{name}&lt;/b&gt; as &lt;b&gt;{label}&lt;/b&gt; (whole words; و ف ب ك ل left out; places already tagged are skipped).</source>
        <translation>وسم المواضع الأخرى لـ &lt;b&gt;{name}&lt;/b&gt; بالوسم &lt;b&gt;{label}&lt;/b&gt; (كلمات كاملة مع تجاهل السوابق و ف ب ك ل؛ وتُتخطّى المواضع الموسومة من قبل).</translation>
    </message>
    <message>
        <source>In this article</source>
        <translation>في هذا المقال</translation>
    </message>
    <message>
        <source>In this and every unfinished article</source>
        <translation>في هذا المقال وكل مقال غير منجز</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>الموضع</translation>
    </message>
    <message>
        <source>Check all</source>
        <translation>تحديد الكل</translation>
    </message>
    <message>
        <source>Check none</source>
        <translation>إلغاء تحديد الكل</translation>
    </message>
    <message>
        <source> (the first {rows} shown)</source>
        <translation> (تُعرض أول {rows})</translation>
    </message>
    <message>
        <source>{places} {articles}{more}; {chosen}</source>
        <translation>{places} {articles}{more}؛ {chosen}</translation>
    </message>
    <message numerus="yes">
        <source>%n place(s)</source>
        <translation>
            <numerusform>لا مواضع</numerusform>
            <numerusform>موضع واحد</numerusform>
            <numerusform>موضعان</numerusform>
            <numerusform>%n مواضع</numerusform>
            <numerusform>%n موضعًا</numerusform>
            <numerusform>%n موضع</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n article(s)</source>
        <translation>
            <numerusform>في أي مقال</numerusform>
            <numerusform>في مقال واحد</numerusform>
            <numerusform>في مقالين</numerusform>
            <numerusform>في %n مقالات</numerusform>
            <numerusform>في %n مقالًا</numerusform>
            <numerusform>في %n مقال</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n checked</source>
        <translation>
            <numerusform>لم يُحدَّد شيء</numerusform>
            <numerusform>المحدَّد: واحد</numerusform>
            <numerusform>المحدَّد: اثنان</numerusform>
            <numerusform>المحدَّد: %n</numerusform>
            <numerusform>المحدَّد: %n</numerusform>
            <numerusform>المحدَّد: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tagged %n occurrence(s) as {label}</source>
        <translation>
            <numerusform>لم يُوسَم أي موضع بـ {label}</numerusform>
            <numerusform>وُسِم موضع واحد بـ {label}</numerusform>
            <numerusform>وُسِم موضعان بـ {label}</numerusform>
            <numerusform>وُسِمت %n مواضع بـ {label}</numerusform>
            <numerusform>وُسِم %n موضعًا بـ {label}</numerusform>
            <numerusform>وُسِم %n موضع بـ {label}</numerusform>
        </translation>
    </message>
    <message>
        <source>Tag {count}</source>
        <translation>وسم ({count})</translation>
    </message>
    <message>
        <source>tag all «{name}» {label}</source>
        <translation>وسم كل مواضع «{name}» بـ {label}</translation>
    </message>
    <message>
        <source>; {count} not saved ({reason})</source>
        <translation>؛ وتعذّر حفظ {count} ({reason})</translation>
    </message>
    <message>
        <source>Select an annotation first (click it), then Ctrl+Shift+A tags every other occurrence.</source>
        <translation>حدّد توسيمًا أولًا (انقر عليه)، ثم يَسِم Ctrl+Shift+A كل مواضعه الأخرى.</translation>
    </message>
</context>
<context>
    <name>AnnotatorDialog</name>
    <message>
        <source>Who is annotating?</source>
        <translation>من يوسِّم؟</translation>
    </message>
    <message>
        <source>Switch annotator</source>
        <translation>تبديل الموسِّم</translation>
    </message>
    <message>
        <source>Your annotator name is saved on every span, claim and document status you make, so several people&apos;s work can be merged and compared. Use the same name on every computer.</source>
        <translation>يُحفظ اسمك مع كل كيان وادعاء وحالة مستند تضعها، لكي يُدمج عمل عدة أشخاص ويُقارن. استعمل الاسم نفسه على كل حاسوب.</translation>
    </message>
    <message>
        <source>New annotations and statuses will carry this name. The document list and the article then show this annotator&apos;s own work.</source>
        <translation>ستحمل التوسيمات والحالات الجديدة هذا الاسم، وتعرض قائمة المستندات والمقال عمل هذا الموسِّم.</translation>
    </message>
    <message>
        <source>e.g. salma</source>
        <translation>مثلًا: سلمى</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Read-only project</source>
        <translation>مشروع للقراءة فقط</translation>
    </message>
    <message>
        <source>Open it read-only?</source>
        <translation>هل تفتحه للقراءة فقط؟</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>تعذّر فتح المشروع</translation>
    </message>
    <message>
        <source>Damaged project</source>
        <translation>مشروع تالف</translation>
    </message>
    <message>
        <source>There is no backup to restore.</source>
        <translation>لا توجد نسخة احتياطية لاستعادتها.</translation>
    </message>
    <message>
        <source>Restore the newest backup, {name}?
The damaged file is kept beside the backups when it can still be copied.</source>
        <translation>هل تستعيد أحدث نسخة احتياطية، {name}؟
يُحفظ الملف التالف بجانب النسخ الاحتياطية إن أمكن نسخه.</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>تعذّرت الاستعادة</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>claim: {numbers} (Ctrl+click selects)</source>
        <translation>ادعاء: {numbers} (النقر مع Ctrl يحدّده)</translation>
    </message>
</context>
<context>
    <name>Assist</name>
    <message>
        <source>&amp;Assist</source>
        <translation>&amp;المساعدة</translation>
    </message>
    <message>
        <source>&amp;Find in article…</source>
        <translation>بحث في المقال…</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>النتيجة التالية</translation>
    </message>
    <message>
        <source>Find pre&amp;vious</source>
        <translation>النتيجة السابقة</translation>
    </message>
    <message>
        <source>&amp;Search all articles…</source>
        <translation>بحث في كل المقالات…</translation>
    </message>
    <message>
        <source>&amp;Annotate all occurrences of the selected annotation…</source>
        <translation>وسم كل مواضع التوسيم المحدد…</translation>
    </message>
    <message>
        <source>Show s&amp;uggestions</source>
        <translation>إظهار الاقتراحات</translation>
    </message>
    <message>
        <source>Next suggestion</source>
        <translation>الاقتراح التالي</translation>
    </message>
    <message>
        <source>Previous suggestion</source>
        <translation>الاقتراح السابق</translation>
    </message>
    <message>
        <source>Accept the suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <source>Reject the suggestion (Delete, Backspace)</source>
        <translation>رفض الاقتراح (Delete أو Backspace)</translation>
    </message>
    <message>
        <source>Accept all suggestions in the article</source>
        <translation>قبول كل اقتراحات المقال</translation>
    </message>
    <message>
        <source>Reject all suggestions in the article</source>
        <translation>رفض كل اقتراحات المقال</translation>
    </message>
    <message>
        <source>&amp;Train the model now</source>
        <translation>تدريب النموذج الآن</translation>
    </message>
    <message>
        <source>Next most unce&amp;rtain article</source>
        <translation>المقال التالي الأقل يقينًا</translation>
    </message>
    <message>
        <source>“Mark done” goes to the &amp;most uncertain article</source>
        <translation>«منجز» ينتقل إلى المقال الأقل يقينًا</translation>
    </message>
    <message>
        <source>Add a &amp;gazetteer file (name TAB label)…</source>
        <translation>إضافة ملف قائمة أسماء (الاسم TAB الوسم)…</translation>
    </message>
    <message>
        <source>Add a recogniser &amp;plugin…</source>
        <translation>إضافة ملحق للتعرّف على الكيانات…</translation>
    </message>
    <message>
        <source>Forget added gazetteers and plugins</source>
        <translation>إزالة قوائم الأسماء والملحقات المضافة</translation>
    </message>
    <message>
        <source>Add a gazetteer file</source>
        <translation>إضافة ملف قائمة أسماء</translation>
    </message>
    <message>
        <source>Gazetteers (*.tsv *.txt);;All files (*)</source>
        <translation>قوائم الأسماء (*.tsv *.txt);;كل الملفات (*)</translation>
    </message>
    <message numerus="yes">
        <source>Gazetteer added: %n name(s) from {path}</source>
        <translation>
            <numerusform>أُضيفت قائمة الأسماء {path} (لا أسماء فيها)</numerusform>
            <numerusform>أُضيفت قائمة الأسماء {path} (اسم واحد)</numerusform>
            <numerusform>أُضيفت قائمة الأسماء {path} (اسمان)</numerusform>
            <numerusform>أُضيفت قائمة الأسماء {path} (%n أسماء)</numerusform>
            <numerusform>أُضيفت قائمة الأسماء {path} (%n اسمًا)</numerusform>
            <numerusform>أُضيفت قائمة الأسماء {path} (%n اسم)</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a recogniser plugin</source>
        <translation>إضافة ملحق للتعرّف على الكيانات</translation>
    </message>
    <message>
        <source>A Python callable taking the text, returning (start, end, label[, score]):
module:function, or path/to/file.py[:function]</source>
        <translation>دالة Python تأخذ النص وتعيد (start, end, label[, score]):
module:function أو path/to/file.py[:function]</translation>
    </message>
    <message>
        <source>Plugin added: {spec}</source>
        <translation>أُضيف الملحق: {spec}</translation>
    </message>
    <message>
        <source>Only the project&apos;s own annotations and the rules suggest now</source>
        <translation>صارت الاقتراحات من توسيمات المشروع نفسه والقواعد فقط</translation>
    </message>
</context>
<context>
    <name>ChartBox</name>
    <message>
        <source>Save as PNG…</source>
        <translation>حفظ صورةً PNG…</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>حفظ الرسم البياني</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>صور PNG (*.png)</translation>
    </message>
    <message>
        <source>Could not write {path}</source>
        <translation>تعذّرت كتابة {path}</translation>
    </message>
</context>
<context>
    <name>ClaimEditor</name>
    <message>
        <source>&amp;Claims</source>
        <translation>الا&amp;دعاءات</translation>
    </message>
    <message>
        <source>Claim &amp;content: new claim, or add a segment to the current one</source>
        <translation>محتوى الادعاء: ادعاء جديد، أو مقطع يُضاف إلى الادعاء الحالي</translation>
    </message>
    <message>
        <source>&amp;New claim from the selection</source>
        <translation>ادعاء جديد من التحديد</translation>
    </message>
    <message>
        <source>Set c&amp;ue (selection)</source>
        <translation>تعيين عبارة الإسناد (التحديد)</translation>
    </message>
    <message>
        <source>Set &amp;source (selection, or the clicked entity)</source>
        <translation>تعيين المصدر (التحديد، أو الكيان الذي نُقر عليه)</translation>
    </message>
    <message>
        <source>Set &amp;via (selection, or the clicked entity)</source>
        <translation>تعيين الوسيط (التحديد، أو الكيان الذي نُقر عليه)</translation>
    </message>
    <message>
        <source>Source = &amp;previous claim&apos;s source (وأضاف)</source>
        <translation>المصدر = مصدر الادعاء السابق (وأضاف)</translation>
    </message>
    <message>
        <source>Use the clicked &amp;entity as source</source>
        <translation>جعل الكيان الذي نُقر عليه مصدرًا</translation>
    </message>
    <message>
        <source>Remove content segment</source>
        <translation>إزالة مقطع المحتوى</translation>
    </message>
    <message>
        <source>Remove cue</source>
        <translation>إزالة عبارة الإسناد</translation>
    </message>
    <message>
        <source>Remove source</source>
        <translation>إزالة المصدر</translation>
    </message>
    <message>
        <source>Remove via</source>
        <translation>إزالة الوسيط</translation>
    </message>
    <message>
        <source>&amp;Delete claim</source>
        <translation>حذف الادعاء</translation>
    </message>
    <message>
        <source>Previous claim</source>
        <translation>الادعاء السابق</translation>
    </message>
    <message>
        <source>Next claim</source>
        <translation>الادعاء التالي</translation>
    </message>
    <message>
        <source>Edit &amp;attributes</source>
        <translation>تحرير الخصائص</translation>
    </message>
    <message>
        <source>Step attribute value</source>
        <translation>تبديل قيمة خاصية</translation>
    </message>
    <message>
        <source>Entity as source</source>
        <translation>الكيان مصدرًا</translation>
    </message>
    <message>
        <source>Previous source</source>
        <translation>المصدر السابق</translation>
    </message>
    <message>
        <source>Delete claim</source>
        <translation>حذف الادعاء</translation>
    </message>
    <message>
        <source>{label} entity</source>
        <translation>كيان {label}</translation>
    </message>
    <message>
        <source>shared with claim {numbers}</source>
        <translation>مشترك مع الادعاء {numbers}</translation>
    </message>
    <message>
        <source>no source yet</source>
        <translation>بلا مصدر بعد</translation>
    </message>
    <message>
        <source>Claim #{id} ({speaker}): select text and press a role key to set that part (the content key adds a segment; Shift+content key starts a new claim); Esc deselects the claim</source>
        <translation>الادعاء #{id} ({speaker}): حدّد نصًا واضغط مفتاح دور لتعيين ذلك الجزء (مفتاح المحتوى يضيف مقطعًا، وShift مع مفتاح المحتوى يبدأ ادعاءً جديدًا)؛ Esc يلغي تحديد الادعاء</translation>
    </message>
    <message>
        <source>Select the statement first, then press the content key.</source>
        <translation>حدّد نص القول أولًا، ثم اضغط مفتاح المحتوى.</translation>
    </message>
    <message>
        <source>No claim selected: select the statement and press the content key (Q) first, or Ctrl+click a claim.</source>
        <translation>لا ادعاء محددًا: حدّد نص القول واضغط مفتاح المحتوى (Q) أولًا، أو انقر ادعاءً مع Ctrl.</translation>
    </message>
    <message>
        <source>claim {role}</source>
        <translation>تعيين {role} للادعاء</translation>
    </message>
    <message>
        <source>Select the {role} in the text (or click an entity), then press the key.</source>
        <translation>حدّد {role} في النص (أو انقر كيانًا)، ثم اضغط المفتاح.</translation>
    </message>
    <message>
        <source>Select the statement first (the claim&apos;s content).</source>
        <translation>حدّد نص القول أولًا (محتوى الادعاء).</translation>
    </message>
    <message>
        <source>new claim</source>
        <translation>ادعاء جديد</translation>
    </message>
    <message>
        <source>Claim #{id} started. Now select the cue, source and via and press their keys (U, O, W); Q adds another content segment, Shift+Q starts a new claim.</source>
        <translation>بدأ الادعاء #{id}. حدّد الآن عبارة الإسناد والمصدر والوسيط واضغط مفاتيحها (U وO وW)؛ Q يضيف مقطع محتوى آخر، وShift+Q يبدأ ادعاءً جديدًا.</translation>
    </message>
    <message>
        <source>That text is already a content segment of this claim.</source>
        <translation>هذا النص مقطع محتوى في هذا الادعاء من قبل.</translation>
    </message>
    <message>
        <source>add content segment</source>
        <translation>إضافة مقطع محتوى</translation>
    </message>
    <message>
        <source>Added content segment {number} to claim #{id} (Shift+Q would have started a new claim; Ctrl+Z undoes).</source>
        <translation>أُضيف مقطع المحتوى {number} إلى الادعاء #{id} (كان Shift+Q سيبدأ ادعاءً جديدًا؛ Ctrl+Z يتراجع عن ذلك).</translation>
    </message>
    <message>
        <source>Select a claim, click an entity, then press the role key.</source>
        <translation>حدّد ادعاءً وانقر كيانًا، ثم اضغط مفتاح الدور.</translation>
    </message>
    <message>
        <source>Content is the claim&apos;s own text: select it rather than an entity.</source>
        <translation>المحتوى هو نص الادعاء نفسه: حدّده في النص بدل اختيار كيان.</translation>
    </message>
    <message>
        <source>claim {role} = {label}</source>
        <translation>تعيين {role} للادعاء: كيان {label}</translation>
    </message>
    <message>
        <source>Select (or start) the claim that continues the previous speaker first.</source>
        <translation>حدّد أولًا (أو ابدأ) الادعاء الذي يواصل فيه المتحدث السابق كلامه.</translation>
    </message>
    <message>
        <source>No earlier claim with a source in this article.</source>
        <translation>لا ادعاء سابقًا له مصدر في هذا المقال.</translation>
    </message>
    <message>
        <source>source from previous claim</source>
        <translation>المصدر من الادعاء السابق</translation>
    </message>
    <message>
        <source>Source of claim #{id}: «{source}» (as in claim #{earlier}).</source>
        <translation>مصدر الادعاء #{id}: «{source}» (كما في الادعاء #{earlier}).</translation>
    </message>
    <message>
        <source>A claim keeps at least one content segment; Delete removes the whole claim.</source>
        <translation>يبقى في الادعاء مقطع محتوى واحد على الأقل؛ Delete يحذف الادعاء كله.</translation>
    </message>
    <message>
        <source>remove content segment</source>
        <translation>إزالة مقطع محتوى</translation>
    </message>
    <message>
        <source>remove claim {role}</source>
        <translation>إزالة {role} من الادعاء</translation>
    </message>
    <message>
        <source>delete claim</source>
        <translation>حذف الادعاء</translation>
    </message>
    <message>
        <source>claim {attribute}</source>
        <translation>تغيير {attribute} في الادعاء</translation>
    </message>
    <message>
        <source>unset</source>
        <translation>بلا قيمة</translation>
    </message>
    <message>
        <source>Entity used by claims</source>
        <translation>كيان تستخدمه ادعاءات</translation>
    </message>
    <message>
        <source>«{text}» ({label}) is part of claim {numbers}.

Delete the entity and keep the text as the claim&apos;s own part, or remove it from the claim as well?</source>
        <translation>«{text}» ({label}) جزء من الادعاء {numbers}.

هل تحذف الكيان وتُبقي النص جزءًا خاصًا بالادعاء، أم تزيله من الادعاء أيضًا؟</translation>
    </message>
    <message>
        <source>Keep it in the claim</source>
        <translation>إبقاؤه في الادعاء</translation>
    </message>
    <message>
        <source>Remove it from the claim</source>
        <translation>إزالته من الادعاء</translation>
    </message>
    <message numerus="yes">
        <source>delete {label} used by %n claim(s)</source>
        <translation>
            <numerusform>حذف {label} (لا يستخدمه أي ادعاء)</numerusform>
            <numerusform>حذف {label} المستخدم في ادعاء واحد</numerusform>
            <numerusform>حذف {label} المستخدم في ادعاءين</numerusform>
            <numerusform>حذف {label} المستخدم في %n ادعاءات</numerusform>
            <numerusform>حذف {label} المستخدم في %n ادعاءً</numerusform>
            <numerusform>حذف {label} المستخدم في %n ادعاء</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClaimsPanel</name>
    <message>
        <source>content</source>
        <translation>المحتوى</translation>
    </message>
    <message>
        <source>cue</source>
        <translation>عبارة الإسناد</translation>
    </message>
    <message>
        <source>source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>via</source>
        <translation>الوسيط</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>يدوي</translation>
    </message>
    <message>
        <source>suggestion</source>
        <translation>اقتراح</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>مستورد</translation>
    </message>
    <message>
        <source>claim</source>
        <translation>الادعاء</translation>
    </message>
    <message>
        <source>speaker</source>
        <translation>المتحدث</translation>
    </message>
    <message numerus="yes">
        <source>%n content segment(s)</source>
        <translation>
            <numerusform>لا مقاطع محتوى</numerusform>
            <numerusform>مقطع محتوى واحد</numerusform>
            <numerusform>مقطعا محتوى</numerusform>
            <numerusform>%n مقاطع محتوى</numerusform>
            <numerusform>%n مقطعًا من المحتوى</numerusform>
            <numerusform>%n مقطع محتوى</numerusform>
        </translation>
    </message>
    <message>
        <source>Claims in this article</source>
        <translation>ادعاءات هذا المقال</translation>
    </message>
    <message>
        <source>Enter saves</source>
        <translation>اضغط Enter للحفظ</translation>
    </message>
    <message>
        <source>No claim selected. Select the statement and press the content key (Q) to start one; Ctrl+click a claim or pick it below to select it.</source>
        <translation>لا ادعاء محددًا. حدّد نص القول واضغط مفتاح المحتوى (Q) لبدء ادعاء؛ ولتحديد ادعاء انقره مع Ctrl أو اختره من القائمة أدناه.</translation>
    </message>
    <message>
        <source>Claim #{id}: {segments}</source>
        <translation>الادعاء #{id}: {segments}</translation>
    </message>
    <message>
        <source>Delete removes this part</source>
        <translation>Delete يزيل هذا الجزء</translation>
    </message>
    <message>
        <source>Claims in this article: {count}</source>
        <translation>ادعاءات هذا المقال: {count}</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>mark new</source>
        <translation>وضعه جديدًا</translation>
    </message>
    <message>
        <source>mark in progress</source>
        <translation>وضعه قيد العمل</translation>
    </message>
    <message>
        <source>mark done</source>
        <translation>وضعه منجزًا</translation>
    </message>
    <message>
        <source>mark skipped</source>
        <translation>تخطيه</translation>
    </message>
</context>
<context>
    <name>DocumentFilter</name>
    <message>
        <source>Search all articles (folded: احمد = أحمد)</source>
        <translation>بحث في كل المقالات (مع توحيد الحروف: احمد = أحمد)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>any status</source>
        <translation>أي حالة</translation>
    </message>
    <message>
        <source>Has an entity with this label</source>
        <translation>فيه كيان بهذا الوسم</translation>
    </message>
    <message>
        <source>any label</source>
        <translation>أي وسم</translation>
    </message>
    <message>
        <source>Has annotations by</source>
        <translation>فيه توسيمات من</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>أي موسِّم</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>الادعاءات</translation>
    </message>
    <message>
        <source>claims or not</source>
        <translation>بادعاءات أو بدونها</translation>
    </message>
    <message>
        <source>with claims</source>
        <translation>فيه ادعاءات</translation>
    </message>
    <message>
        <source>without claims</source>
        <translation>بلا ادعاءات</translation>
    </message>
    <message>
        <source>Build the search index</source>
        <translation>بناء فهرس البحث</translation>
    </message>
    <message>
        <source>Opens the project file writable once to index its articles (as `main.py index --db FILE` does)</source>
        <translation>يفتح ملف المشروع للكتابة مرة واحدة لفهرسة مقالاته (كما يفعل `main.py index --db FILE`)</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n article(s)</source>
        <translation>
            <numerusform>المقالات المطابقة: {shown} (لا مقالات في المشروع)</numerusform>
            <numerusform>المقالات المطابقة: {shown} من مقال واحد</numerusform>
            <numerusform>المقالات المطابقة: {shown} من مقالين</numerusform>
            <numerusform>المقالات المطابقة: {shown} من %n مقالات</numerusform>
            <numerusform>المقالات المطابقة: {shown} من %n مقالًا</numerusform>
            <numerusform>المقالات المطابقة: {shown} من %n مقال</numerusform>
        </translation>
    </message>
    <message>
        <source>This project is open read-only and has no search index, so words cannot be searched. Build it to search (the file is opened writable once).</source>
        <translation>هذا المشروع مفتوح للقراءة فقط وليس له فهرس بحث، فلا يمكن البحث عن الكلمات. ابنِ الفهرس للبحث (يُفتح الملف للكتابة مرة واحدة).</translation>
    </message>
    <message>
        <source>This project is open read-only and its search index holds {indexed} of its {documents} articles, so words cannot be searched. Build it to search (the file is opened writable once).</source>
        <translation>هذا المشروع مفتوح للقراءة فقط، وفهرس البحث فيه يضم {indexed} من مقالاته البالغة {documents}، فلا يمكن البحث عن الكلمات. ابنِ الفهرس للبحث (يُفتح الملف للكتابة مرة واحدة).</translation>
    </message>
    <message>
        <source>Building the search index…</source>
        <translation>جارٍ بناء فهرس البحث…</translation>
    </message>
    <message>
        <source>The search index cannot be built: {reason}. Where the file is writable, run: main.py index --db {path}</source>
        <translation>تعذّر بناء فهرس البحث: {reason}. حيث يمكن الكتابة في الملف، شغّل: main.py index --db {path}</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>متجاوَز</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Unsure</source>
        <translation>عدم اليقين</translation>
    </message>
    <message>
        <source>How unsure the entity model is about the article (scored at its last training; unfinished articles only). Sort by it to annotate first what teaches the model most.</source>
        <translation>مدى عدم يقين نموذج الكيانات بشأن المقال (يُحسب عند آخر تدريب؛ للمقالات غير المنجزة فقط). رتّب حسبه لتوسم أولًا ما يتعلّم منه النموذج أكثر.</translation>
    </message>
    <message>
        <source>{done}/{total} done</source>
        <translation>أُنجز {done} من {total}</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>Not saved: {error}</source>
        <translation>لم يُحفظ: {error}</translation>
    </message>
    <message>
        <source>{count} not saved: {reason}</source>
        <translation>تعذّر حفظ {count}: {reason}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>expand</source>
        <translation>توسيع</translation>
    </message>
    <message>
        <source>contract</source>
        <translation>تقليص</translation>
    </message>
    <message>
        <source>strict</source>
        <translation>صارم</translation>
    </message>
    <message>
        <source>grow to the whole tokens (⁨الصين⁩ → ⁨والصين⁩)</source>
        <translation>يمتدّ الكيان إلى الكلمات كاملة (⁨الصين⁩ ← ⁨والصين⁩)</translation>
    </message>
    <message>
        <source>shrink to the whole tokens inside; none → left out</source>
        <translation>يتقلّص إلى الكلمات الكاملة داخله؛ وإن لم توجد يُستبعد</translation>
    </message>
    <message>
        <source>leave out spans that are not on token edges</source>
        <translation>تُستبعد الكيانات التي لا تقع على حدود الكلمات</translation>
    </message>
    <message>
        <source>Project JSONL (round trip)</source>
        <translation>JSONL المشروع (يُستورد كما هو)</translation>
    </message>
    <message>
        <source>spaCy / Prodigy JSONL (or .spacy DocBin)</source>
        <translation>JSONL لـ spaCy / Prodigy (أو DocBin بصيغة ⁦.spacy⁩)</translation>
    </message>
    <message>
        <source>CoNLL (token TAG, ANERcorp)</source>
        <translation>CoNLL (الكلمة ثم الوسم، ANERcorp)</translation>
    </message>
    <message>
        <source>Nested CoNLL (Wojood: one column per level)</source>
        <translation>CoNLL متداخل (Wojood: عمود لكل مستوى)</translation>
    </message>
    <message>
        <source>Hugging Face token classification JSONL</source>
        <translation>JSONL لتصنيف الكلمات (Hugging Face)</translation>
    </message>
    <message>
        <source>brat standoff (folder of .txt + .ann)</source>
        <translation>brat standoff (مجلد ملفات ⁦.txt⁩ و⁦.ann⁩)</translation>
    </message>
    <message>
        <source>Claims: attribution records (JSONL)</source>
        <translation>الادعاءات: سجلات الإسناد (JSONL)</translation>
    </message>
    <message>
        <source>Claims: check-worthiness per sentence (TSV)</source>
        <translation>الادعاءات: جدارة التحقق لكل جملة (TSV)</translation>
    </message>
    <message>
        <source>CSV (one row per span, spreadsheet-safe)</source>
        <translation>CSV (صف لكل كيان، آمن لبرامج الجداول)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>متجاوَز</translation>
    </message>
    <message>
        <source>Export training data</source>
        <translation>تصدير بيانات التدريب</translation>
    </message>
    <message>
        <source>file or folder to write</source>
        <translation>الملف أو المجلد الذي يُكتب فيه</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>الإخراج</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>الجميع</translation>
    </message>
    <message>
        <source>Project labels ({name})</source>
        <translation>وسوم المشروع ({name})</translation>
    </message>
    <message>
        <source>By document:</source>
        <translation>حسب المستند:</translation>
    </message>
    <message>
        <source>Train / dev / test percentages; each document goes to one split</source>
        <translation>نسب التدريب / التطوير / الاختبار؛ يذهب كل مستند كاملًا إلى قسم واحد</translation>
    </message>
    <message>
        <source>seed </source>
        <translation>البذرة </translation>
    </message>
    <message>
        <source>Include accepted suggestions</source>
        <translation>تضمين الاقتراحات المقبولة</translation>
    </message>
    <message>
        <source>{policy}: {help}</source>
        <translation>{policy}: {help}</translation>
    </message>
    <message>
        <source>Split clitics into tokens (⁨و ف ب ك ل ال⁩)</source>
        <translation>فصل السوابق كلماتٍ مستقلة (⁨و ف ب ك ل ال⁩)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>الموسِّم</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Train/dev/test</source>
        <translation>تدريب/تطوير/اختبار</translation>
    </message>
    <message>
        <source>Off token edges</source>
        <translation>خارج حدود الكلمات</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>الكلمات</translation>
    </message>
    <message>
        <source>Tag scheme</source>
        <translation>نظام الوسم</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>خيارات</translation>
    </message>
    <message>
        <source>The export report appears here: every span exported, adjusted or left out, by reason.</source>
        <translation>يظهر تقرير التصدير هنا: كل كيان صُدِّر أو عُدِّل أو استُبعد، مع السبب.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>التقرير</translation>
    </message>
    <message>
        <source>choose at least one label</source>
        <translation>اختر وسمًا واحدًا على الأقل</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>التصدير إلى مجلد</translation>
    </message>
    <message>
        <source>Export to file</source>
        <translation>التصدير إلى ملف</translation>
    </message>
    <message>
        <source>Choose where to write the export.</source>
        <translation>اختر مكان كتابة التصدير.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>أُلغي التصدير: لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>Cannot export: {reason}</source>
        <translation>تعذّر التصدير: {reason}</translation>
    </message>
    <message>
        <source>Export failed: {path}: {reason}</source>
        <translation>فشل التصدير: {path}: {reason}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>كُتب {path}</translation>
    </message>
</context>
<context>
    <name>ExportReportText</name>
    <message>
        <source>made by another annotator (--annotator)</source>
        <translation>من عمل موسِّم آخر (خيار «الموسِّم»)</translation>
    </message>
    <message>
        <source>an accepted suggestion (left out by --no-suggestions)</source>
        <translation>اقتراح مقبول (يُستبعد حين لا يُختار «تضمين الاقتراحات المقبولة»)</translation>
    </message>
    <message>
        <source>its label is not in the label mapping (--map)</source>
        <translation>وسمه غير موجود في ربط الوسوم (خيار «الوسوم»)</translation>
    </message>
    <message>
        <source>the label mapping drops its label (--map)</source>
        <translation>ربط الوسوم يُسقط وسمه (خيار «الوسوم»)</translation>
    </message>
    <message>
        <source>its label is not in --labels</source>
        <translation>وسمه ليس من الوسوم المختارة</translation>
    </message>
    <message>
        <source>its label is not in the export&apos;s label set</source>
        <translation>وسمه ليس في مجموعة وسوم التصدير</translation>
    </message>
    <message>
        <source>does not start and end on token edges (--align strict)</source>
        <translation>لا تقع بدايته ونهايته على حدود الكلمات («خارج حدود الكلمات»: صارم)</translation>
    </message>
    <message>
        <source>covers no whole token (--align contract)</source>
        <translation>لا يغطي أي كلمة كاملة («خارج حدود الكلمات»: تقليص)</translation>
    </message>
    <message>
        <source>covers only whitespace</source>
        <translation>لا يغطي إلا مسافات بيضاء</translation>
    </message>
    <message>
        <source>inside another entity: flat formats keep the outermost</source>
        <translation>داخل كيان آخر: الصيغ المسطّحة تُبقي الكيان الخارجي</translation>
    </message>
    <message>
        <source>overlaps an entity kept before it (flat formats)</source>
        <translation>يتداخل مع كيان أُبقي قبله (الصيغ المسطّحة)</translation>
    </message>
    <message>
        <source>not carried by this format (claims formats have no entities, token formats no claims)</source>
        <translation>لا تحمله هذه الصيغة (صيغ الادعاءات لا كيانات فيها، وصيغ الكلمات لا ادعاءات فيها)</translation>
    </message>
    <message>
        <source>status not selected (--status)</source>
        <translation>حالته غير مختارة (خيار «الحالة»)</translation>
    </message>
    <message>
        <source>not worked on by the annotator (--annotator)</source>
        <translation>لم يعمل عليه الموسِّم المختار (خيار «الموسِّم»)</translation>
    </message>
    <message>
        <source>an attribute value brat cannot hold (text with spaces, a list or an object)</source>
        <translation>قيمة سمة لا تسعها صيغة brat (نص فيه مسافات، أو قائمة، أو كائن)</translation>
    </message>
    <message>
        <source>a relation to an annotation that is not exported</source>
        <translation>علاقة بتوسيم لا يُصدَّر</translation>
    </message>
    <message>
        <source>a normalization whose reference is not one word</source>
        <translation>تطبيع ليس مرجعه كلمة واحدة</translation>
    </message>
    <message>
        <source>grown to the edges of the tokens it touches (--align expand)</source>
        <translation>وُسِّع إلى حدود الكلمات التي يمسّها («خارج حدود الكلمات»: توسيع)</translation>
    </message>
    <message>
        <source>shrunk to the whole tokens inside it (--align contract)</source>
        <translation>قُلِّص إلى الكلمات الكاملة التي بداخله («خارج حدود الكلمات»: تقليص)</translation>
    </message>
    <message>
        <source>touches an entity of the same label: IO tags cannot tell them apart</source>
        <translation>يلامس كيانًا بالوسم نفسه: وسوم ⁦IO⁩ لا تميّز بينهما</translation>
    </message>
    <message>
        <source>train</source>
        <translation>التدريب</translation>
    </message>
    <message>
        <source>dev</source>
        <translation>التطوير</translation>
    </message>
    <message>
        <source>test</source>
        <translation>الاختبار</translation>
    </message>
    <message>
        <source>the {split} split is empty</source>
        <translation>قسم {split} فارغ</translation>
    </message>
    <message>
        <source>this export is split (--split)</source>
        <translation>هذا التصدير مقسَّم (خيار «تدريب/تطوير/اختبار»)</translation>
    </message>
    <message>
        <source>this export has no {split} split</source>
        <translation>ليس في هذا التصدير قسم {split}</translation>
    </message>
    <message>
        <source>this export does not write it</source>
        <translation>هذا التصدير لا يكتبه</translation>
    </message>
    <message numerus="yes">
        <source>{exported} of %n document(s) exported</source>
        <translation>
            <numerusform>صُدِّر {exported} من أصل %n مستند</numerusform>
            <numerusform>صُدِّر {exported} من أصل مستند واحد</numerusform>
            <numerusform>صُدِّر {exported} من أصل مستندين</numerusform>
            <numerusform>صُدِّر {exported} من أصل %n مستندات</numerusform>
            <numerusform>صُدِّر {exported} من أصل %n مستندًا</numerusform>
            <numerusform>صُدِّر {exported} من أصل %n مستند</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{exported} of %n entity span(s) exported</source>
        <translation>
            <numerusform>صُدِّر {exported} من أصل %n كيان</numerusform>
            <numerusform>صُدِّر {exported} من أصل كيان واحد</numerusform>
            <numerusform>صُدِّر {exported} من أصل كيانين</numerusform>
            <numerusform>صُدِّر {exported} من أصل %n كيانات</numerusform>
            <numerusform>صُدِّر {exported} من أصل %n كيانًا</numerusform>
            <numerusform>صُدِّر {exported} من أصل %n كيان</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n adjusted</source>
        <translation>
            <numerusform>، ولم يُعدَّل أيٌّ منها</numerusform>
            <numerusform>، وعُدِّل واحد منها</numerusform>
            <numerusform>، وعُدِّل اثنان منها</numerusform>
            <numerusform>، وعُدِّلت %n منها</numerusform>
            <numerusform>، وعُدِّل %n منها</numerusform>
            <numerusform>، وعُدِّل %n منها</numerusform>
        </translation>
    </message>
    <message>
        <source>adjusted, {reason}: {count}</source>
        <translation>معدَّل — {reason}: {count}</translation>
    </message>
    <message numerus="yes">
        <source>{exported} of %n claim(s) exported</source>
        <translation>
            <numerusform>صُدِّر {exported} من أصل %n ادعاء</numerusform>
            <numerusform>صُدِّر {exported} من أصل ادعاء واحد</numerusform>
            <numerusform>صُدِّر {exported} من أصل ادعاءين</numerusform>
            <numerusform>صُدِّر {exported} من أصل %n ادعاءات</numerusform>
            <numerusform>صُدِّر {exported} من أصل %n ادعاءً</numerusform>
            <numerusform>صُدِّر {exported} من أصل %n ادعاء</numerusform>
        </translation>
    </message>
    <message>
        <source>{attributes}, {relations}, {notes}, {normalizations} exported</source>
        <translation>صُدِّر: {attributes}، {relations}، {notes}، {normalizations}</translation>
    </message>
    <message numerus="yes">
        <source>%n attribute(s)</source>
        <translation>
            <numerusform>لا سمات</numerusform>
            <numerusform>سمة واحدة</numerusform>
            <numerusform>سمتان</numerusform>
            <numerusform>%n سمات</numerusform>
            <numerusform>%n سمةً</numerusform>
            <numerusform>%n سمة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n relation(s)</source>
        <translation>
            <numerusform>لا علاقات</numerusform>
            <numerusform>علاقة واحدة</numerusform>
            <numerusform>علاقتان</numerusform>
            <numerusform>%n علاقات</numerusform>
            <numerusform>%n علاقةً</numerusform>
            <numerusform>%n علاقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>لا ملاحظات</numerusform>
            <numerusform>ملاحظة واحدة</numerusform>
            <numerusform>ملاحظتان</numerusform>
            <numerusform>%n ملاحظات</numerusform>
            <numerusform>%n ملاحظةً</numerusform>
            <numerusform>%n ملاحظة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n normalization(s)</source>
        <translation>
            <numerusform>لا تطبيعات</numerusform>
            <numerusform>تطبيع واحد</numerusform>
            <numerusform>تطبيعان</numerusform>
            <numerusform>%n تطبيعات</numerusform>
            <numerusform>%n تطبيعًا</numerusform>
            <numerusform>%n تطبيع</numerusform>
        </translation>
    </message>
    <message>
        <source>{sentences}, {tokens}</source>
        <translation>{sentences}، {tokens}</translation>
    </message>
    <message numerus="yes">
        <source>%n sentence(s)</source>
        <translation>
            <numerusform>لا جمل</numerusform>
            <numerusform>جملة واحدة</numerusform>
            <numerusform>جملتان</numerusform>
            <numerusform>%n جمل</numerusform>
            <numerusform>%n جملةً</numerusform>
            <numerusform>%n جملة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>لا كلمات</numerusform>
            <numerusform>كلمة واحدة</numerusform>
            <numerusform>كلمتان</numerusform>
            <numerusform>%n كلمات</numerusform>
            <numerusform>%n كلمةً</numerusform>
            <numerusform>%n كلمة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n sentence break(s) inside entities ignored</source>
        <translation>
            <numerusform>؛ ولم يُهمَل أي حدّ جملة داخل الكيانات</numerusform>
            <numerusform>؛ وأُهمِل حدّ جملة واحد داخل كيان</numerusform>
            <numerusform>؛ وأُهمِل حدّا جملة داخل كيانات</numerusform>
            <numerusform>؛ وأُهمِلت %n حدود جمل داخل كيانات</numerusform>
            <numerusform>؛ وأُهمِل %n حدًّا للجمل داخل كيانات</numerusform>
            <numerusform>؛ وأُهمِل %n حدّ جملة داخل كيانات</numerusform>
        </translation>
    </message>
    <message>
        <source>{split}: {documents}, {spans}</source>
        <translation>{split}: {documents}، {spans}</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>لا مستندات</numerusform>
            <numerusform>مستند واحد</numerusform>
            <numerusform>مستندان</numerusform>
            <numerusform>%n مستندات</numerusform>
            <numerusform>%n مستندًا</numerusform>
            <numerusform>%n مستند</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation>
            <numerusform>لا كيانات</numerusform>
            <numerusform>كيان واحد</numerusform>
            <numerusform>كيانان</numerusform>
            <numerusform>%n كيانات</numerusform>
            <numerusform>%n كيانًا</numerusform>
            <numerusform>%n كيان</numerusform>
        </translation>
    </message>
    <message>
        <source>warning: the {split} split got no document; no {split} folder was written (too few documents for --split)</source>
        <translation>تحذير: لم يقع أي مستند في قسم {split}، فلم يُكتب مجلد {split} (المستندات أقل من أن تُقسَّم بحسب «تدريب/تطوير/اختبار»)</translation>
    </message>
    <message>
        <source>warning: the {split} split got no document; no {split} file was written (too few documents for --split)</source>
        <translation>تحذير: لم يقع أي مستند في قسم {split}، فلم يُكتب ملف {split} (المستندات أقل من أن تُقسَّم بحسب «تدريب/تطوير/اختبار»)</translation>
    </message>
    <message>
        <source>removed the old {name}: {why}</source>
        <translation>حُذف {name} من التصدير السابق: {why}</translation>
    </message>
    <message>
        <source>left out, {reason}: {count}</source>
        <translation>مستبعَد — {reason}: {count}</translation>
    </message>
</context>
<context>
    <name>GuidelinesPanel</name>
    <message>
        <source>Search the guidelines (Enter: next match)</source>
        <translation>ابحث في الإرشادات (Enter: النتيجة التالية)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>تحرير</translation>
    </message>
    <message>
        <source>&amp;Import .md…</source>
        <translation>استيراد ملف Markdown…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>This project has no guidelines yet. Use Edit to write them (Markdown), or Import to load a .md file.</source>
        <translation>لا إرشادات لهذا المشروع بعد. اضغط «تحرير» لكتابتها (بصيغة Markdown)، أو «استيراد» لتحميل ملف ‎.md.</translation>
    </message>
    <message>
        <source>{n} found</source>
        <translation>{n} نتيجة</translation>
    </message>
    <message>
        <source>Import guidelines</source>
        <translation>استيراد الإرشادات</translation>
    </message>
    <message>
        <source>Markdown (*.md *.markdown *.txt);;All files (*)</source>
        <translation>Markdown (*.md *.markdown *.txt);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Could not read {path}: {error}</source>
        <translation>تعذّرت قراءة {path}: {error}</translation>
    </message>
    <message>
        <source>Replace the project&apos;s guidelines with {name}?</source>
        <translation>هل تستبدل بإرشادات المشروع محتوى {name}؟</translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message>
        <source>Hand out documents</source>
        <translation>توزيع المستندات</translation>
    </message>
    <message>
        <source>amal, badr, camil</source>
        <translation>amal, badr, camil</translation>
    </message>
    <message>
        <source>Only a random sample of</source>
        <translation>عيّنة عشوائية فقط من</translation>
    </message>
    <message>
        <source> documents</source>
        <translation> مستندًا</translation>
    </message>
    <message>
        <source> % to everyone</source>
        <translation> % للجميع</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message numerus="yes">
        <source>The project&apos;s schema and its guidelines (%n character(s)) go into every file.</source>
        <translation>
            <numerusform>يُضمَّن مخطط الوسوم في المشروع وإرشاداته (لا أحرف) في كل ملف.</numerusform>
            <numerusform>يُضمَّن مخطط الوسوم في المشروع وإرشاداته (حرف واحد) في كل ملف.</numerusform>
            <numerusform>يُضمَّن مخطط الوسوم في المشروع وإرشاداته (حرفان) في كل ملف.</numerusform>
            <numerusform>يُضمَّن مخطط الوسوم في المشروع وإرشاداته (%n أحرف) في كل ملف.</numerusform>
            <numerusform>يُضمَّن مخطط الوسوم في المشروع وإرشاداته (%n حرفًا) في كل ملف.</numerusform>
            <numerusform>يُضمَّن مخطط الوسوم في المشروع وإرشاداته (%n حرف) في كل ملف.</numerusform>
        </translation>
    </message>
    <message>
        <source>The project&apos;s schema goes into every file. The project has no guidelines yet.</source>
        <translation>يُضمَّن مخطط الوسوم في كل ملف. لا إرشادات لهذا المشروع بعد.</translation>
    </message>
    <message>
        <source>Annotators:</source>
        <translation>الموسِّمون:</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>المستندات:</translation>
    </message>
    <message>
        <source>of %d</source>
        <translation>من %d</translation>
    </message>
    <message>
        <source>Overlap:</source>
        <translation>التداخل:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>البذرة:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>المجلد:</translation>
    </message>
    <message>
        <source>Write the files</source>
        <translation>اكتب الملفات</translation>
    </message>
    <message>
        <source>Folder for the annotators&apos; files</source>
        <translation>مجلد ملفات الموسِّمين</translation>
    </message>
    <message>
        <source>Cannot hand out</source>
        <translation>تعذّر التوزيع</translation>
    </message>
    <message numerus="yes">
        <source>%s: %n document(s)</source>
        <translation>
            <numerusform>%s: لا مستندات</numerusform>
            <numerusform>%s: مستند واحد</numerusform>
            <numerusform>%s: مستندان</numerusform>
            <numerusform>%s: %n مستندات</numerusform>
            <numerusform>%s: %n مستندًا</numerusform>
            <numerusform>%s: %n مستند</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) go to everyone. Who got what: %s</source>
        <translation>
            <numerusform>لا مستندات مشتركة بين الجميع. من أخذ ماذا: %s</numerusform>
            <numerusform>مستند واحد للجميع. من أخذ ماذا: %s</numerusform>
            <numerusform>مستندان للجميع. من أخذ ماذا: %s</numerusform>
            <numerusform>%n مستندات للجميع. من أخذ ماذا: %s</numerusform>
            <numerusform>%n مستندًا للجميع. من أخذ ماذا: %s</numerusform>
            <numerusform>%n مستند للجميع. من أخذ ماذا: %s</numerusform>
        </translation>
    </message>
    <message>
        <source>Handed out</source>
        <translation>وُزّعت</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Importing {name}</source>
        <translation>جارٍ استيراد {name}</translation>
    </message>
    <message>
        <source>Plain text or copied news page (.txt)</source>
        <translation>نص عادي أو صفحة أخبار منسوخة (⁦.txt⁩)</translation>
    </message>
    <message>
        <source>JSON Lines: ours, Prodigy or doccano, recognised (.jsonl)</source>
        <translation>JSON Lines: صيغتنا أو Prodigy أو doccano، تُتعرّف تلقائيًا (⁦.jsonl⁩)</translation>
    </message>
    <message>
        <source>Prodigy / spaCy JSONL</source>
        <translation>Prodigy / spaCy JSONL</translation>
    </message>
    <message>
        <source>doccano JSONL</source>
        <translation>doccano JSONL</translation>
    </message>
    <message>
        <source>Label Studio JSON export (.json)</source>
        <translation>تصدير Label Studio بصيغة JSON (⁦.json⁩)</translation>
    </message>
    <message>
        <source>brat standoff (.txt with .ann)</source>
        <translation>brat standoff (⁦.txt⁩ مع ⁦.ann⁩)</translation>
    </message>
    <message>
        <source>CSV table (.csv)</source>
        <translation>جدول CSV (⁦.csv⁩)</translation>
    </message>
    <message>
        <source>TSV table (.tsv)</source>
        <translation>جدول TSV (⁦.tsv⁩)</translation>
    </message>
    <message>
        <source>CoNLL token and tag lines (.conll, .bio, .iob)</source>
        <translation>أسطر CoNLL: كلمة ووسمها (⁦.conll⁩، ⁦.bio⁩، ⁦.iob⁩)</translation>
    </message>
    <message>
        <source>Nested CoNLL, one tag column per level (.conll-nested)</source>
        <translation>CoNLL متداخل: عمود وسوم لكل مستوى (⁦.conll-nested⁩)</translation>
    </message>
    <message>
        <source>Saved web page (.html, .htm)</source>
        <translation>صفحة ويب محفوظة (⁦.html⁩، ⁦.htm⁩)</translation>
    </message>
    <message>
        <source>Web crawl WARC (.warc, .warc.gz)</source>
        <translation>أرشيف زحف ويب WARC (⁦.warc⁩، ⁦.warc.gz⁩)</translation>
    </message>
    <message>
        <source>Detect from the file name</source>
        <translation>تحديد الصيغة من اسم الملف</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>خيارات</translation>
    </message>
    <message>
        <source>Table columns</source>
        <translation>أعمدة الجدول</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>المكرّرات</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>التوسيمات</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Files and folders to import</source>
        <translation>الملفات والمجلدات المراد استيرادها</translation>
    </message>
    <message>
        <source>Drop files or folders here. Folders are read with everything inside.</source>
        <translation>أفلِت الملفات أو المجلدات هنا. تُقرأ المجلدات بكل ما فيها.</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>إضافة ملفات…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>إضافة مجلد…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>الترميز:</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>تحديد تلقائي</translation>
    </message>
    <message>
        <source>Text encoding of .txt, .csv and .tsv files: detected among UTF-8, UTF-16, Windows-1256 and ISO-8859-6, or type any codec name to force it.</source>
        <translation>ترميز نص ملفات ⁦.txt⁩ و⁦.csv⁩ و⁦.tsv⁩: يُحدَّد تلقائيًا من بين UTF-8 وUTF-16 وWindows-1256 وISO-8859-6، أو اكتب اسم أي ترميز لفرضه.</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>الصيغة:</translation>
    </message>
    <message>
        <source>Copied news pages: also import the related-article teasers as short articles</source>
        <translation>صفحات الأخبار المنسوخة: استورد أيضًا مقتطفات «مقالات ذات صلة» مقالاتٍ قصيرة</translation>
    </message>
    <message>
        <source>Read each .txt file as one article (do not split copied pages)</source>
        <translation>اقرأ كل ملف ⁦.txt⁩ مقالًا واحدًا (دون تقسيم الصفحات المنسوخة)</translation>
    </message>
    <message>
        <source>Add labels the project does not have (otherwise such a file is refused)</source>
        <translation>أضف الوسوم غير الموجودة في المشروع (وإلا رُفض الملف)</translation>
    </message>
    <message>
        <source>e.g. PER=PERS, LOC=GPE</source>
        <translation>مثل PER=PERS, LOC=GPE</translation>
    </message>
    <message>
        <source>Rename the labels of the files while importing: FROM=TO, separated by commas.</source>
        <translation>أعد تسمية وسوم الملفات أثناء الاستيراد: FROM=TO، مفصولة بفواصل.</translation>
    </message>
    <message>
        <source>Rename labels:</source>
        <translation>إعادة تسمية الوسوم:</translation>
    </message>
    <message>
        <source>For CSV, TSV, JSON Lines and Label Studio files. Leave a field empty to find the column by its usual names (text, body, content, النص; title, headline ...).</source>
        <translation>لملفات CSV وTSV وJSON Lines وLabel Studio. اترك الحقل فارغًا ليُعثر على العمود بأسمائه المعتادة (text وbody وcontent والنص؛ title وheadline ...).</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>النص:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>العنوان:</translation>
    </message>
    <message>
        <source>Labels (doccano):</source>
        <translation>التسميات (doccano):</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>المعرّف:</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>الرابط:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>التاريخ:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>المصدر:</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>تلقائي</translation>
    </message>
    <message>
        <source>doccano JSON Lines: the key holding the [start, end, LABEL] list, e.g. column_label. Giving it reads the file as doccano.</source>
        <translation>ملفات JSON Lines من doccano: المفتاح الذي يحمل قائمة [البداية، النهاية، التسمية]، مثل column_label. تحديده يجعل الملف يُقرأ بصيغة doccano.</translation>
    </message>
    <message>
        <source>Cell separator: one character, or &apos;tab&apos;. Default: comma for .csv, tab for .tsv.</source>
        <translation>فاصل الخلايا: حرف واحد أو &apos;tab&apos;. الافتراضي: الفاصلة لملفات ⁦.csv⁩ والجدولة لملفات ⁦.tsv⁩.</translation>
    </message>
    <message>
        <source>Separator:</source>
        <translation>الفاصل:</translation>
    </message>
    <message>
        <source>Articles and annotations ({patterns});;All files (*)</source>
        <translation>المقالات والتوسيمات ({patterns});;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Import a folder of articles</source>
        <translation>استيراد مجلد مقالات</translation>
    </message>
    <message>
        <source>Rename labels: expected FROM=TO, got “{item}”</source>
        <translation>إعادة تسمية الوسوم: المتوقع FROM=TO، والمُدخل «{item}»</translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation>جارٍ الإنهاء…</translation>
    </message>
    <message>
        <source>Cancelling: the file being read is left out entirely…</source>
        <translation>جارٍ الإلغاء: لن يُستورد شيء من الملف الذي تجري قراءته…</translation>
    </message>
    <message>
        <source>Cancelled: the file being imported was left out entirely; the files after it were not read.</source>
        <translation>أُلغي الاستيراد: لم يُستورد شيء من الملف الذي كان قيد الاستيراد، ولم تُقرأ الملفات التي بعده.</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>فشل</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>مستبعَد</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>مستورَد</translation>
    </message>
    <message>
        <source>Already in the project</source>
        <translation>موجود في المشروع من قبل</translation>
    </message>
    <message>
        <source>Nothing to import</source>
        <translation>لا شيء للاستيراد</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… و{count} غيرها</translation>
    </message>
    <message>
        <source>Nothing of this file was imported.</source>
        <translation>لم يُستورد شيء من هذا الملف.</translation>
    </message>
    <message>
        <source>Read as: {how}</source>
        <translation>طريقة القراءة: {how}</translation>
    </message>
    <message>
        <source>Repaired mojibake: the text had been misread as {codec} once</source>
        <translation>أُصلح النص المشوّه: كان قد قُرئ خطأً بترميز {codec} مرة</translation>
    </message>
    <message>
        <source>Normalised: {summary}</source>
        <translation>التطبيع: {summary}</translation>
    </message>
    <message>
        <source>Labels added to the project: {labels}</source>
        <translation>وسوم أُضيفت إلى المشروع: {labels}</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more warning(s)</source>
        <translation>
            <numerusform>… ولا تحذيرات أخرى</numerusform>
            <numerusform>… وتحذير آخر</numerusform>
            <numerusform>… وتحذيران آخران</numerusform>
            <numerusform>… و%n تحذيرات أخرى</numerusform>
            <numerusform>… و%n تحذيرًا آخر</numerusform>
            <numerusform>… و%n تحذير آخر</numerusform>
        </translation>
    </message>
    <message>
        <source>{imported} {annotations}.</source>
        <translation>{imported} {annotations}.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n article(s)</source>
        <translation>
            <numerusform>لم يُستورد أي مقال</numerusform>
            <numerusform>استُورد مقال واحد</numerusform>
            <numerusform>استُورد مقالان</numerusform>
            <numerusform>استُوردت %n مقالات</numerusform>
            <numerusform>استُورد %n مقالًا</numerusform>
            <numerusform>استُورد %n مقال</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>with %n annotation(s)</source>
        <translation>
            <numerusform>دون وسوم</numerusform>
            <numerusform>مع وسم واحد</numerusform>
            <numerusform>مع وسمين</numerusform>
            <numerusform>مع %n وسوم</numerusform>
            <numerusform>مع %n وسمًا</numerusform>
            <numerusform>مع %n وسم</numerusform>
        </translation>
    </message>
    <message>
        <source>Duplicate: line {line}{title} is already in the project ({existing})</source>
        <translation>مكرّر: السطر {line}{title} موجود في المشروع من قبل ({existing})</translation>
    </message>
    <message>
        <source>Error: line {line}: {reason}</source>
        <translation>خطأ في السطر {line}: {reason}</translation>
    </message>
    <message>
        <source>Error: {reason}</source>
        <translation>خطأ: {reason}</translation>
    </message>
    <message>
        <source>Warning: line {line}: {message}</source>
        <translation>تحذير في السطر {line}: {message}</translation>
    </message>
    <message>
        <source>Warning: {message}</source>
        <translation>تحذير: {message}</translation>
    </message>
    <message>
        <source>Already in the project (skipped): {duplicates}.</source>
        <translation>موجودة في المشروع من قبل (تُجووزت): {duplicates}.</translation>
    </message>
    <message>
        <source>Files with errors (nothing imported from them): {failed}.</source>
        <translation>ملفات فيها أخطاء (لم يُستورد منها شيء): {failed}.</translation>
    </message>
    <message>
        <source>Cancelled: the file being imported was left out entirely.</source>
        <translation>أُلغي الاستيراد: لم يُستورد شيء من الملف الذي كان قيد الاستيراد.</translation>
    </message>
    <message>
        <source>{file}, line {line}</source>
        <translation>الملف {file}، السطر {line}</translation>
    </message>
</context>
<context>
    <name>KeyboardReference</name>
    <message>
        <source>Other keys</source>
        <translation>مفاتيح أخرى</translation>
    </message>
    <message>
        <source>Keyboard reference</source>
        <translation>دليل لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Search actions and keys</source>
        <translation>ابحث في الأوامر والمفاتيح</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الأمر</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>(menu only)</source>
        <translation>(من القائمة فقط)</translation>
    </message>
</context>
<context>
    <name>LabelPalette</name>
    <message>
        <source>Examples: {examples}</source>
        <translation>أمثلة: {examples}</translation>
    </message>
</context>
<context>
    <name>LabelTable</name>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <source>Colour of {label}</source>
        <translation>لون {label}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Snap to &amp;words</source>
        <translation>محاذاة إلى الكلمات كاملة</translation>
    </message>
    <message>
        <source>Snap to words, leave out &amp;clitics (و ف ب ل ك)</source>
        <translation>محاذاة إلى الكلمات مع استبعاد السوابق (و ف ب ل ك)</translation>
    </message>
    <message>
        <source>&amp;Exact characters</source>
        <translation>الحروف المحددة بالضبط</translation>
    </message>
    <message>
        <source>No articles yet. File ▸ Import files… (Ctrl+I) or Import folder… (Ctrl+Shift+I), or drop files on this window.</source>
        <translation>لا مقالات بعد. ملف ◂ استيراد ملفات… (Ctrl+I) أو استيراد مجلد… (Ctrl+Shift+I)، أو أفلِت الملفات على هذه النافذة.</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>التوسيمات</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>الادعاءات</translation>
    </message>
    <message>
        <source>Guidelines</source>
        <translation>الإرشادات</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>فتح مشروع…</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>استيراد ملفات…</translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation>استيراد مجلد…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <source>&amp;Restore backup…</source>
        <translation>استعادة نسخة احتياطية…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>&amp;Delete annotation</source>
        <translation>حذف التوسيم</translation>
    </message>
    <message>
        <source>Start edge one letter right (earlier)</source>
        <translation>بداية التوسيم حرفًا إلى اليمين (أبكر)</translation>
    </message>
    <message>
        <source>Start edge one letter left (later)</source>
        <translation>بداية التوسيم حرفًا إلى اليسار (أبعد)</translation>
    </message>
    <message>
        <source>End edge one letter left (later)</source>
        <translation>نهاية التوسيم حرفًا إلى اليسار (أبعد)</translation>
    </message>
    <message>
        <source>End edge one letter right (earlier)</source>
        <translation>نهاية التوسيم حرفًا إلى اليمين (أبكر)</translation>
    </message>
    <message>
        <source>Start edge one word right (earlier)</source>
        <translation>بداية التوسيم كلمةً إلى اليمين (أبكر)</translation>
    </message>
    <message>
        <source>Start edge one word left (later)</source>
        <translation>بداية التوسيم كلمةً إلى اليسار (أبعد)</translation>
    </message>
    <message>
        <source>End edge one word left (later)</source>
        <translation>نهاية التوسيم كلمةً إلى اليسار (أبعد)</translation>
    </message>
    <message>
        <source>End edge one word right (earlier)</source>
        <translation>نهاية التوسيم كلمةً إلى اليمين (أبكر)</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>إلغاء التحديد</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>م&amp;ستند</translation>
    </message>
    <message>
        <source>Mark &amp;done and go to next unfinished</source>
        <translation>وضع علامة «منجز» والانتقال إلى التالي غير المنجز</translation>
    </message>
    <message>
        <source>&amp;Skip and go to next unfinished</source>
        <translation>تجاوز والانتقال إلى التالي غير المنجز</translation>
    </message>
    <message>
        <source>Mark &amp;in progress</source>
        <translation>وضع علامة «قيد العمل»</translation>
    </message>
    <message>
        <source>&amp;Next document</source>
        <translation>المستند التالي</translation>
    </message>
    <message>
        <source>&amp;Previous document</source>
        <translation>المستند السابق</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Font…</source>
        <translation>الخط…</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>تكبير النص</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>تصغير النص</translation>
    </message>
    <message>
        <source>&amp;Guidelines</source>
        <translation>الإرشادات</translation>
    </message>
    <message>
        <source>S&amp;tatistics…</source>
        <translation>الإحصاءات…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>الإعدادات…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>تعل&amp;يمات</translation>
    </message>
    <message>
        <source>&amp;Keyboard reference</source>
        <translation>دليل لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Tag the selection as {label} (or relabel the selected annotation; with neither, accept the focused suggestion as {label})</source>
        <translation>وسم التحديد بـ {label} (أو تغيير وسم التوسيم المحدد؛ وإن لم يُحدَّد شيء، قبول الاقتراح الحالي بوسم {label})</translation>
    </message>
    <message>
        <source>Label keys</source>
        <translation>مفاتيح الوسوم</translation>
    </message>
    <message>
        <source> [read-only]</source>
        <translation> [للقراءة فقط]</translation>
    </message>
    <message>
        <source>Arabic News Annotator — {name}</source>
        <translation>موسِّم الأخبار العربية — {name}</translation>
    </message>
    <message>
        <source>The project was changed in another window; shown as it is now.</source>
        <translation>تغيّر المشروع في نافذة أخرى؛ يُعرض الآن كما هو.</translation>
    </message>
    <message>
        <source>Every document is done or skipped.</source>
        <translation>كل المستندات منجزة أو متجاوَزة.</translation>
    </message>
    <message>
        <source>tag {label}</source>
        <translation>وسم {label}</translation>
    </message>
    <message>
        <source>relabel {old} → {new}</source>
        <translation>تغيير الوسم من {old} إلى {new}</translation>
    </message>
    <message>
        <source>delete {label}</source>
        <translation>حذف {label}</translation>
    </message>
    <message>
        <source>move {label} edge</source>
        <translation>تحريك طرف {label}</translation>
    </message>
    <message>
        <source>{label}: {text} — Delete removes it, a label key relabels it, Alt+arrows move its edges</source>
        <translation>الوسم {label}: {text} — Delete يحذفه، ومفتاح وسم يغيّر وسمه، وAlt مع الأسهم يحرّك طرفيه</translation>
    </message>
    <message>
        <source>Article font</source>
        <translation>خط المقال</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <source>Projects (*.db *.sqlite);;All files (*)</source>
        <translation>المشاريع (*.db *.sqlite);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>استعادة نسخة احتياطية</translation>
    </message>
    <message>
        <source>This project has no backups yet.</source>
        <translation>لا نسخ احتياطية لهذا المشروع بعد.</translation>
    </message>
    <message>
        <source>Replace the project with this backup (the current file is backed up first):</source>
        <translation>استبدال المشروع بهذه النسخة الاحتياطية (يُنسخ الملف الحالي احتياطيًا أولًا):</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>تعذّرت الاستعادة</translation>
    </message>
</context>
<context>
    <name>ModelTraining</name>
    <message>
        <source>The project is open read-only: the model cannot be saved in it.</source>
        <translation>المشروع مفتوح للقراءة فقط: لا يمكن حفظ النموذج فيه.</translation>
    </message>
    <message>
        <source>The model is being trained; it will train again when this training ends.</source>
        <translation>النموذج قيد التدريب؛ سيُدرَّب مرة أخرى عند انتهاء هذا التدريب.</translation>
    </message>
    <message>
        <source>Training the model in the background…</source>
        <translation>جارٍ تدريب النموذج في الخلفية…</translation>
    </message>
    <message>
        <source>unreadable output: {text}</source>
        <translation>مخرجات غير مقروءة: {text}</translation>
    </message>
    <message>
        <source>the training process stopped</source>
        <translation>توقفت عملية التدريب</translation>
    </message>
    <message>
        <source>The model was not trained: {reason}</source>
        <translation>لم يُدرَّب النموذج: {reason}</translation>
    </message>
    <message>
        <source>Model: training…</source>
        <translation>النموذج: قيد التدريب…</translation>
    </message>
    <message>
        <source>Model: stale · retrain</source>
        <translation>النموذج: قديم · أعِد تدريبه</translation>
    </message>
    <message>
        <source>Model: default (better so far) · project F1 {f1:.2f}</source>
        <translation>النموذج: الافتراضي (أفضل حتى الآن) · F1 نموذج المشروع {f1:.2f}</translation>
    </message>
    <message numerus="yes">
        <source>Training the model in the background after %n newly finished article(s)…</source>
        <translation>
            <numerusform>جارٍ تدريب النموذج في الخلفية…</numerusform>
            <numerusform>جارٍ تدريب النموذج في الخلفية بعد إنجاز مقال جديد واحد…</numerusform>
            <numerusform>جارٍ تدريب النموذج في الخلفية بعد إنجاز مقالين جديدين…</numerusform>
            <numerusform>جارٍ تدريب النموذج في الخلفية بعد إنجاز %n مقالات جديدة…</numerusform>
            <numerusform>جارٍ تدريب النموذج في الخلفية بعد إنجاز %n مقالًا جديدًا…</numerusform>
            <numerusform>جارٍ تدريب النموذج في الخلفية بعد إنجاز %n مقال جديد…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Model trained on %n article(s) in {seconds:.0f} s (too few to measure its F1)</source>
        <translation>
            <numerusform>دُرِّب النموذج على لا شيء من المقالات في {seconds:.0f} ث (عدد أقل من أن يُقاس به F1)</numerusform>
            <numerusform>دُرِّب النموذج على مقال واحد في {seconds:.0f} ث (عدد أقل من أن يُقاس به F1)</numerusform>
            <numerusform>دُرِّب النموذج على مقالين في {seconds:.0f} ث (عدد أقل من أن يُقاس به F1)</numerusform>
            <numerusform>دُرِّب النموذج على %n مقالات في {seconds:.0f} ث (عدد أقل من أن يُقاس به F1)</numerusform>
            <numerusform>دُرِّب النموذج على %n مقالًا في {seconds:.0f} ث (عدد أقل من أن يُقاس به F1)</numerusform>
            <numerusform>دُرِّب النموذج على %n مقال في {seconds:.0f} ث (عدد أقل من أن يُقاس به F1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Model trained on %n article(s) in {seconds:.0f} s · cross-validated F1 {f1:.2f}</source>
        <translation>
            <numerusform>دُرِّب النموذج على لا شيء من المقالات في {seconds:.0f} ث · F1 بالتحقق المتقاطع {f1:.2f}</numerusform>
            <numerusform>دُرِّب النموذج على مقال واحد في {seconds:.0f} ث · F1 بالتحقق المتقاطع {f1:.2f}</numerusform>
            <numerusform>دُرِّب النموذج على مقالين في {seconds:.0f} ث · F1 بالتحقق المتقاطع {f1:.2f}</numerusform>
            <numerusform>دُرِّب النموذج على %n مقالات في {seconds:.0f} ث · F1 بالتحقق المتقاطع {f1:.2f}</numerusform>
            <numerusform>دُرِّب النموذج على %n مقالًا في {seconds:.0f} ث · F1 بالتحقق المتقاطع {f1:.2f}</numerusform>
            <numerusform>دُرِّب النموذج على %n مقال في {seconds:.0f} ث · F1 بالتحقق المتقاطع {f1:.2f}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Model: ready · F1 {f1:.2f} (%n article(s))</source>
        <translation>
            <numerusform>النموذج: جاهز · F1 {f1:.2f} (لا مقالات)</numerusform>
            <numerusform>النموذج: جاهز · F1 {f1:.2f} (مقال واحد)</numerusform>
            <numerusform>النموذج: جاهز · F1 {f1:.2f} (مقالان)</numerusform>
            <numerusform>النموذج: جاهز · F1 {f1:.2f} (%n مقالات)</numerusform>
            <numerusform>النموذج: جاهز · F1 {f1:.2f} (%n مقالًا)</numerusform>
            <numerusform>النموذج: جاهز · F1 {f1:.2f} (%n مقال)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Model: ready (%n article(s))</source>
        <translation>
            <numerusform>النموذج: جاهز (لا مقالات)</numerusform>
            <numerusform>النموذج: جاهز (مقال واحد)</numerusform>
            <numerusform>النموذج: جاهز (مقالان)</numerusform>
            <numerusform>النموذج: جاهز (%n مقالات)</numerusform>
            <numerusform>النموذج: جاهز (%n مقالًا)</numerusform>
            <numerusform>النموذج: جاهز (%n مقال)</numerusform>
        </translation>
    </message>
    <message>
        <source>Model: default (ANERcorp)</source>
        <translation>النموذج: الافتراضي (ANERcorp)</translation>
    </message>
    <message>
        <source>Model: none</source>
        <translation>النموذج: لا يوجد</translation>
    </message>
    <message>
        <source>Training in the background since {seconds:.0f} s; the window stays usable.</source>
        <translation>التدريب جارٍ في الخلفية منذ {seconds:.0f} ث؛ وتبقى النافذة قابلة للاستخدام.</translation>
    </message>
    <message>
        <source>The project&apos;s model, trained {when} on {documents} ({tokens}, {entities}) in {seconds:.1f} s.</source>
        <translation>نموذج المشروع، دُرِّب في {when} على {documents} ({tokens}، {entities}) في {seconds:.1f} ث.</translation>
    </message>
    <message numerus="yes">
        <source>%n finished article(s)</source>
        <translation>
            <numerusform>صفر من المقالات المنجزة</numerusform>
            <numerusform>مقال منجز واحد</numerusform>
            <numerusform>مقالين منجزين</numerusform>
            <numerusform>%n مقالات منجزة</numerusform>
            <numerusform>%n مقالًا منجزًا</numerusform>
            <numerusform>%n مقال منجز</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>لا كلمات</numerusform>
            <numerusform>كلمة واحدة</numerusform>
            <numerusform>كلمتان</numerusform>
            <numerusform>%n كلمات</numerusform>
            <numerusform>%n كلمةً</numerusform>
            <numerusform>%n كلمة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>لا كيانات</numerusform>
            <numerusform>كيان واحد</numerusform>
            <numerusform>كيانان</numerusform>
            <numerusform>%n كيانات</numerusform>
            <numerusform>%n كيانًا</numerusform>
            <numerusform>%n كيان</numerusform>
        </translation>
    </message>
    <message>
        <source>Cross-validated F1 ({folds} parts by article): {f1:.2f}</source>
        <translation>F1 بالتحقق المتقاطع (الأجزاء حسب المقال: {folds}): {f1:.2f}</translation>
    </message>
    <message>
        <source>The default model (ANERcorp) does better on the finished articles (F1 {f1:.2f}): it suggests until the project&apos;s model catches up.</source>
        <translation>النموذج الافتراضي (ANERcorp) أفضل على المقالات المنجزة (F1 {f1:.2f}): فهو الذي يقترح إلى أن يلحق به نموذج المشروع.</translation>
    </message>
    <message>
        <source>The schema&apos;s labels changed since, or the default model it builds on: it is retrained on the next occasion.</source>
        <translation>تغيّرت منذ ذلك الحين وسوم المخطط أو النموذج الافتراضي الذي يُبنى عليه: سيُعاد تدريبه في أول فرصة.</translation>
    </message>
    <message>
        <source>The default model, trained on ANERcorp (CC BY-SA 4.0), its labels mapped to the project&apos;s, suggests until the project&apos;s own model is trained.</source>
        <translation>النموذج الافتراضي، المدرَّب على ANERcorp (CC BY-SA 4.0) والمقابَلة وسومه بوسوم المشروع، يقترح إلى أن يُدرَّب نموذج المشروع نفسه.</translation>
    </message>
    <message>
        <source>No model: train one from the finished articles (Assist ▸ Train the model now).</source>
        <translation>لا يوجد نموذج: درِّب نموذجًا من المقالات المنجزة (المساعدة ← تدريب النموذج الآن).</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) finished since the last training; it retrains after every {every}.</source>
        <translation>
            <numerusform>لم يُنجز أي مقال منذ آخر تدريب؛ يُعاد التدريب بعد إنجاز كل {every}.</numerusform>
            <numerusform>أُنجز مقال واحد منذ آخر تدريب؛ يُعاد التدريب بعد إنجاز كل {every}.</numerusform>
            <numerusform>أُنجز مقالان منذ آخر تدريب؛ يُعاد التدريب بعد إنجاز كل {every}.</numerusform>
            <numerusform>أُنجزت %n مقالات منذ آخر تدريب؛ يُعاد التدريب بعد إنجاز كل {every}.</numerusform>
            <numerusform>أُنجز %n مقالًا منذ آخر تدريب؛ يُعاد التدريب بعد إنجاز كل {every}.</numerusform>
            <numerusform>أُنجز %n مقال منذ آخر تدريب؛ يُعاد التدريب بعد إنجاز كل {every}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) finished since the last training; automatic training is off.</source>
        <translation>
            <numerusform>لم يُنجز أي مقال منذ آخر تدريب؛ التدريب التلقائي متوقف.</numerusform>
            <numerusform>أُنجز مقال واحد منذ آخر تدريب؛ التدريب التلقائي متوقف.</numerusform>
            <numerusform>أُنجز مقالان منذ آخر تدريب؛ التدريب التلقائي متوقف.</numerusform>
            <numerusform>أُنجزت %n مقالات منذ آخر تدريب؛ التدريب التلقائي متوقف.</numerusform>
            <numerusform>أُنجز %n مقالًا منذ آخر تدريب؛ التدريب التلقائي متوقف.</numerusform>
            <numerusform>أُنجز %n مقال منذ آخر تدريب؛ التدريب التلقائي متوقف.</numerusform>
        </translation>
    </message>
    <message>
        <source>Suggestions below {percent:.0f}% confidence are hidden.</source>
        <translation>تُخفى الاقتراحات التي تقل الثقة بها عن {percent:.0f}%.</translation>
    </message>
    <message>
        <source>No article has an uncertainty yet: train the model first (Assist ▸ Train the model now).</source>
        <translation>لا توجد بعدُ درجة عدم يقين لأي مقال: درِّب النموذج أولًا (المساعدة ← تدريب النموذج الآن).</translation>
    </message>
    <message>
        <source>No other unfinished article has an uncertainty: train the model again to score them.</source>
        <translation>لا يوجد مقال آخر غير منجز له درجة عدم يقين: أعِد تدريب النموذج ليقيّمها.</translation>
    </message>
    <message>
        <source>The model is {percent:.0f}% unsure about this article.</source>
        <translation>عدم يقين النموذج بشأن هذا المقال: {percent:.0f}%.</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>مجلد</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>ا&amp;بحث في:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>الملفات من ال&amp;نوع:</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Find in the article (احمد finds أَحْمَد)</source>
        <translation>بحث في المقال (احمد يجد أَحْمَد)</translation>
    </message>
    <message>
        <source>Previous hit (Shift+Enter, Shift+F3)</source>
        <translation>النتيجة السابقة (Shift+Enter أو Shift+F3)</translation>
    </message>
    <message>
        <source>Next hit (Enter, F3)</source>
        <translation>النتيجة التالية (Enter أو F3)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>إغلاق (Esc)</translation>
    </message>
    <message>
        <source>no hits</source>
        <translation>لا نتائج</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>{label}: the key must be one letter a–z or a digit, not “{key}”.</source>
        <translation>الوسم {label}: يجب أن يكون المفتاح حرفًا لاتينيًا واحدًا (a–z) أو رقمًا، لا «{key}».</translation>
    </message>
    <message>
        <source>{label}: “{key}” is used by the application (reserved: {reserved}).</source>
        <translation>الوسم {label}: المفتاح «{key}» يستخدمه البرنامج (المفاتيح المحجوزة: {reserved}).</translation>
    </message>
    <message>
        <source>{label}: “{key}” is already the key of {other}.</source>
        <translation>الوسم {label}: المفتاح «{key}» مخصّص من قبل لـ {other}.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>المظهر</translation>
    </message>
    <message>
        <source>A&amp;nnotation</source>
        <translation>التوسيم</translation>
    </message>
    <message>
        <source>&amp;Labels and keys</source>
        <translation>الوسوم والمفاتيح</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <source>As the system (Arabic on an Arabic system)</source>
        <translation>كلغة النظام (العربية إن كان النظام عربيًا)</translation>
    </message>
    <message>
        <source>The interface language changes when you next start the application.</source>
        <translation>تتغيّر لغة الواجهة عند تشغيل البرنامج في المرة القادمة.</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>لغة الواجهة:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>السمة:</translation>
    </message>
    <message>
        <source>Article &amp;font:</source>
        <translation>خط المقال:</translation>
    </message>
    <message>
        <source>Font &amp;size:</source>
        <translation>حجم الخط:</translation>
    </message>
    <message>
        <source>Line s&amp;pacing:</source>
        <translation>تباعد الأسطر:</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>معاينة:</translation>
    </message>
    <message>
        <source>When you select part of a word:</source>
        <translation>عند تحديد جزء من كلمة:</translation>
    </message>
    <message>
        <source>Colours and keys are saved in the project, so everyone working on it sees the same. Click a colour to change it; type a key (a letter or digit, or nothing).</source>
        <translation>تُحفظ الألوان والمفاتيح في المشروع، فيراها كل من يعمل عليه كما هي. انقر لونًا لتغييره، واكتب مفتاحًا (حرفًا لاتينيًا أو رقمًا، أو اتركه فارغًا).</translation>
    </message>
    <message>
        <source>The entity model learns from the finished articles and suggests entities with its confidence. These settings are saved in the project, so everyone working on it shares them.</source>
        <translation>يتعلّم نموذج الكيانات من المقالات المنجزة ويقترح كيانات مع درجة ثقته بها. تُحفظ هذه الإعدادات في المشروع، فيتشاركها كل من يعمل عليه.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <source>Train again in the background after this many newly finished articles (0: only when asked, Assist ▸ Train the model now).</source>
        <translation>أعِد التدريب في الخلفية بعد إنجاز هذا العدد من المقالات الجديدة (0: عند الطلب فقط، المساعدة ← تدريب النموذج الآن).</translation>
    </message>
    <message>
        <source>The model&apos;s suggestions it is less sure of than this are not shown.</source>
        <translation>لا تُعرض اقتراحات النموذج التي تقل ثقته بها عن هذه النسبة.</translation>
    </message>
    <message>
        <source>&amp;Retrain after every N finished articles:</source>
        <translation>إعادة التدريب كلما أُنجز من المقالات:</translation>
    </message>
    <message>
        <source>&amp;Hide suggestions below confidence:</source>
        <translation>إخفاء الاقتراحات التي تقل الثقة بها عن:</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <source>Statistics</source>
        <translation>الإحصاءات</translation>
    </message>
    <message>
        <source>Progress per annotator</source>
        <translation>تقدّم كل موسِّم</translation>
    </message>
    <message>
        <source>Label distribution (entity annotations)</source>
        <translation>توزيع الوسوم (توسيمات الكيانات)</translation>
    </message>
    <message>
        <source>Claims per article: how many articles have 0, 1, 2… claims</source>
        <translation>الادعاءات في المقالات: عدد المقالات التي فيها 0 أو 1 أو 2… ادعاء</translation>
    </message>
    <message>
        <source>Nothing yet</source>
        <translation>لا شيء بعد</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <source>{documents}, {spans}, {claims}</source>
        <translation>{documents}، {spans}، {claims}</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>لا مقالات</numerusform>
            <numerusform>مقال واحد</numerusform>
            <numerusform>مقالان</numerusform>
            <numerusform>%n مقالات</numerusform>
            <numerusform>%n مقالًا</numerusform>
            <numerusform>%n مقال</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entity annotation(s)</source>
        <translation>
            <numerusform>لا كيانات موسومة</numerusform>
            <numerusform>كيان موسوم واحد</numerusform>
            <numerusform>كيانان موسومان</numerusform>
            <numerusform>%n كيانات موسومة</numerusform>
            <numerusform>%n كيانًا موسومًا</numerusform>
            <numerusform>%n كيان موسوم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>لا ادعاءات</numerusform>
            <numerusform>ادعاء واحد</numerusform>
            <numerusform>ادعاءان</numerusform>
            <numerusform>%n ادعاءات</numerusform>
            <numerusform>%n ادعاءً</numerusform>
            <numerusform>%n ادعاء</numerusform>
        </translation>
    </message>
    <message>
        <source>Each bar is one annotator&apos;s own status for every article.</source>
        <translation>كل شريط يبيّن الحالة التي وضعها موسِّم واحد لكل المقالات.</translation>
    </message>
    <message>
        <source>Most claims: {title} ({n})</source>
        <translation>أكثر المقالات ادعاءات: {title} ({n})</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <source>{entities} entity and {claims} claim suggestions — Tab goes through them, Enter accepts, Delete rejects, Shift+Enter accepts all</source>
        <translation>اقتراحات الكيانات: {entities}، اقتراحات الادعاءات: {claims} — Tab يتنقّل بينها، Enter يقبل، Delete يرفض، Shift+Enter يقبل الكل</translation>
    </message>
    <message>
        <source>Suggestions failed: {message}</source>
        <translation>تعذّر حساب الاقتراحات: {message}</translation>
    </message>
    <message>
        <source>claim: {role}</source>
        <translation>ادعاء: {role}</translation>
    </message>
    <message>
        <source>or {labels}</source>
        <translation>أو {labels}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <source>claim ({quote_type}) {parts}</source>
        <translation>ادعاء ({quote_type}) {parts}</translation>
    </message>
    <message>
        <source>no cue</source>
        <translation>بلا عبارة إسناد</translation>
    </message>
    <message>
        <source>Suggestion {number}/{count}: {what} — Enter accepts, Delete rejects, Tab goes on</source>
        <translation>الاقتراح {number}/{count}: {what} — Enter يقبل، Delete يرفض، Tab ينتقل إلى التالي</translation>
    </message>
    <message>
        <source>no score</source>
        <translation>بلا درجة ثقة</translation>
    </message>
    <message>
        <source>{label} by {source} ({score}; key {key})</source>
        <translation>{label} بحسب {source} ({score}؛ المفتاح {key})</translation>
    </message>
    <message>
        <source>{label} by {source} ({score})</source>
        <translation>{label} بحسب {source} ({score})</translation>
    </message>
    <message>
        <source>also proposed: {alternatives}</source>
        <translation>اقتُرح أيضًا: {alternatives}</translation>
    </message>
    <message>
        <source>Suggestion: {what} — click, then Enter accepts, Delete rejects</source>
        <translation>اقتراح: {what} — انقره، ثم Enter يقبل وDelete يرفض</translation>
    </message>
    <message>
        <source>Suggestion: {proposal}</source>
        <translation>اقتراح: {proposal}</translation>
    </message>
    <message>
        <source>Click it, then Enter accepts or another label&apos;s key accepts that one; right click to choose</source>
        <translation>انقره، ثم Enter يقبله أو مفتاحُ وسمٍ آخر يقبل ذلك الوسم؛ انقر بالزر الأيمن للاختيار</translation>
    </message>
    <message>
        <source>Click it, then Enter accepts, Delete rejects; right click for a menu</source>
        <translation>انقره، ثم Enter يقبل وDelete يرفض؛ انقر بالزر الأيمن لفتح قائمة</translation>
    </message>
    <message>
        <source>Accept the claim suggestion</source>
        <translation>قبول اقتراح الادعاء</translation>
    </message>
    <message>
        <source>Accept {proposal}</source>
        <translation>قبول {proposal}</translation>
    </message>
    <message>
        <source>Accept {proposal} instead</source>
        <translation>قبول {proposal} بدلًا منه</translation>
    </message>
    <message>
        <source>Reject the suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <source>tag {label}</source>
        <translation>وسم {label}</translation>
    </message>
    <message>
        <source>accept {label} suggestion</source>
        <translation>قبول اقتراح {label}</translation>
    </message>
    <message>
        <source>accept claim suggestion</source>
        <translation>قبول اقتراح ادعاء</translation>
    </message>
    <message>
        <source>Suggestion {number}/{count}: {what}; {also}</source>
        <translation>الاقتراح {number}/{count}: {what}؛ {also}</translation>
    </message>
    <message>
        <source>accept {label} suggestion of {source}</source>
        <translation>قبول اقتراح {label} من {source}</translation>
    </message>
    <message numerus="yes">
        <source>Rejected %n suggestion(s) in this article</source>
        <translation>
            <numerusform>لم يُرفض أي اقتراح في هذا المقال</numerusform>
            <numerusform>رُفض اقتراح واحد في هذا المقال</numerusform>
            <numerusform>رُفض اقتراحان في هذا المقال</numerusform>
            <numerusform>رُفضت %n اقتراحات في هذا المقال</numerusform>
            <numerusform>رُفض %n اقتراحًا في هذا المقال</numerusform>
            <numerusform>رُفض %n اقتراح في هذا المقال</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>reject %n prediction(s)</source>
        <translation>
            <numerusform>رفض التنبؤات</numerusform>
            <numerusform>رفض تنبؤ واحد</numerusform>
            <numerusform>رفض تنبؤين</numerusform>
            <numerusform>رفض %n تنبؤات</numerusform>
            <numerusform>رفض %n تنبؤًا</numerusform>
            <numerusform>رفض %n تنبؤ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>accept %n suggestion(s)</source>
        <translation>
            <numerusform>قبول الاقتراحات</numerusform>
            <numerusform>قبول اقتراح واحد</numerusform>
            <numerusform>قبول اقتراحين</numerusform>
            <numerusform>قبول %n اقتراحات</numerusform>
            <numerusform>قبول %n اقتراحًا</numerusform>
            <numerusform>قبول %n اقتراح</numerusform>
        </translation>
    </message>
    <message>
        <source>Accepted {entities} entity and {claims} claim suggestions</source>
        <translation>قُبلت الاقتراحات: كيانات {entities}، ادعاءات {claims}</translation>
    </message>
    <message>
        <source>; {count} refused ({reason})</source>
        <translation>؛ وتعذّر حفظ {count} ({reason})</translation>
    </message>
</context>
<context>
    <name>TeamActions</name>
    <message>
        <source>&amp;Team</source>
        <translation>ال&amp;فريق</translation>
    </message>
    <message>
        <source>&amp;Show annotations of</source>
        <translation>عرض توسيمات</translation>
    </message>
    <message>
        <source>&amp;Agreement…</source>
        <translation>الاتفاق بين الموسِّمين…</translation>
    </message>
    <message>
        <source>A&amp;djudicate this document…</source>
        <translation>الفصل في هذا المستند…</translation>
    </message>
    <message>
        <source>&amp;Hand out…</source>
        <translation>توزيع المستندات…</translation>
    </message>
    <message>
        <source>&amp;Merge annotators&apos; files into this project…</source>
        <translation>دمج ملفات الموسِّمين في هذا المشروع…</translation>
    </message>
    <message>
        <source>S&amp;witch annotator…</source>
        <translation>تبديل الموسِّم…</translation>
    </message>
    <message>
        <source>Automatic (mine in a team file: %s)</source>
        <translation>تلقائي (توسيماتي في ملف الفريق: %s)</translation>
    </message>
    <message>
        <source>Everyone&apos;s</source>
        <translation>الجميع</translation>
    </message>
    <message>
        <source> (you)</source>
        <translation> (أنت)</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(بلا اسم)</translation>
    </message>
    <message>
        <source>everyone&apos;s annotations</source>
        <translation>توسيمات الجميع</translation>
    </message>
    <message>
        <source>your annotations</source>
        <translation>توسيماتك</translation>
    </message>
    <message>
        <source>%s&apos;s annotations</source>
        <translation>توسيمات %s</translation>
    </message>
    <message>
        <source>Annotator: %s · showing %s</source>
        <translation>الموسِّم: %s · المعروض: %s</translation>
    </message>
    <message>
        <source>You are now annotating as %s.</source>
        <translation>أنت الآن توسِّم باسم %s.</translation>
    </message>
    <message>
        <source>Annotators&apos; project files to merge in</source>
        <translation>ملفات مشاريع الموسِّمين المراد دمجها</translation>
    </message>
    <message>
        <source>Projects (*.db *.sqlite);;All files (*)</source>
        <translation>المشاريع (*.db *.sqlite);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Cannot merge</source>
        <translation>تعذّر الدمج</translation>
    </message>
    <message>
        <source>{files}: {documents}, {spans}, {claims}, {statuses}.</source>
        <translation>{files}: {documents}، {spans}، {claims}، {statuses}.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>لا ملفات</numerusform>
            <numerusform>ملف واحد</numerusform>
            <numerusform>ملفان</numerusform>
            <numerusform>%n ملفات</numerusform>
            <numerusform>%n ملفًا</numerusform>
            <numerusform>%n ملف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new document(s)</source>
        <translation>
            <numerusform>لا مستندات جديدة</numerusform>
            <numerusform>مستند جديد واحد</numerusform>
            <numerusform>مستندان جديدان</numerusform>
            <numerusform>%n مستندات جديدة</numerusform>
            <numerusform>%n مستندًا جديدًا</numerusform>
            <numerusform>%n مستند جديد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation>
            <numerusform>لا كيانات</numerusform>
            <numerusform>كيان واحد</numerusform>
            <numerusform>كيانان</numerusform>
            <numerusform>%n كيانات</numerusform>
            <numerusform>%n كيانًا</numerusform>
            <numerusform>%n كيان</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>لا ادعاءات</numerusform>
            <numerusform>ادعاء واحد</numerusform>
            <numerusform>ادعاءان</numerusform>
            <numerusform>%n ادعاءات</numerusform>
            <numerusform>%n ادعاءً</numerusform>
            <numerusform>%n ادعاء</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n status(es)</source>
        <translation>
            <numerusform>لا حالات</numerusform>
            <numerusform>حالة واحدة</numerusform>
            <numerusform>حالتان</numerusform>
            <numerusform>%n حالات</numerusform>
            <numerusform>%n حالةً</numerusform>
            <numerusform>%n حالة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more conflict(s)</source>
        <translation>
            <numerusform>… ولا تعارضات أخرى</numerusform>
            <numerusform>… وتعارض آخر</numerusform>
            <numerusform>… وتعارضان آخران</numerusform>
            <numerusform>… و%n تعارضات أخرى</numerusform>
            <numerusform>… و%n تعارضًا آخر</numerusform>
            <numerusform>… و%n تعارض آخر</numerusform>
        </translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>دُمجت</translation>
    </message>
</context>
<context>
    <name>UnsavedBanner</name>
    <message numerus="yes">
        <source>⚠ %n change(s) not saved yet ({reason}). They stay on screen and are saved as soon as the file can be written; keep this window open.</source>
        <translation>
            <numerusform>⚠ لا تغييرات تنتظر الحفظ ({reason}).</numerusform>
            <numerusform>⚠ تغيير واحد لم يُحفظ بعد ({reason}). يبقى على الشاشة ويُحفظ حالما تتاح الكتابة في الملف؛ أبقِ هذه النافذة مفتوحة.</numerusform>
            <numerusform>⚠ تغييران لم يُحفظا بعد ({reason}). يبقيان على الشاشة ويُحفظان حالما تتاح الكتابة في الملف؛ أبقِ هذه النافذة مفتوحة.</numerusform>
            <numerusform>⚠ %n تغييرات لم تُحفظ بعد ({reason}). تبقى على الشاشة وتُحفظ حالما تتاح الكتابة في الملف؛ أبقِ هذه النافذة مفتوحة.</numerusform>
            <numerusform>⚠ %n تغييرًا لم تُحفظ بعد ({reason}). تبقى على الشاشة وتُحفظ حالما تتاح الكتابة في الملف؛ أبقِ هذه النافذة مفتوحة.</numerusform>
            <numerusform>⚠ %n تغيير لم تُحفظ بعد ({reason}). تبقى على الشاشة وتُحفظ حالما تتاح الكتابة في الملف؛ أبقِ هذه النافذة مفتوحة.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnsavedChanges</name>
    <message numerus="yes">
        <source>%n change(s) could not be saved ({reason}).
Quit anyway and lose them?</source>
        <translation>
            <numerusform>لا تغييرات تنتظر الحفظ ({reason}).
هل تخرج؟</numerusform>
            <numerusform>تعذّر حفظ تغيير واحد ({reason}).
هل تخرج على أي حال وتفقده؟</numerusform>
            <numerusform>تعذّر حفظ تغييرين ({reason}).
هل تخرج على أي حال وتفقدهما؟</numerusform>
            <numerusform>تعذّر حفظ %n تغييرات ({reason}).
هل تخرج على أي حال وتفقدها؟</numerusform>
            <numerusform>تعذّر حفظ %n تغييرًا ({reason}).
هل تخرج على أي حال وتفقدها؟</numerusform>
            <numerusform>تعذّر حفظ %n تغيير ({reason}).
هل تخرج على أي حال وتفقدها؟</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>تغييرات غير محفوظة</translation>
    </message>
</context>
</TS>
