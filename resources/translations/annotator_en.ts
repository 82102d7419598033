<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AdjudicationWindow</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>1 item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s)</source>
        <translation>
            <numerusform>1 difference</numerusform>
            <numerusform>%n differences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in gold</source>
        <translation>
            <numerusform>1 in gold</numerusform>
            <numerusform>%n in gold</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message numerus="yes">
        <source>%n matched claim pair(s)</source>
        <translation>
            <numerusform>1 matched claim pair</numerusform>
            <numerusform>%n matched claim pairs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotateAllDialog</name>
    <message numerus="yes">
        <source>%n place(s)</source>
        <translation>
            <numerusform>1 place</numerusform>
            <numerusform>%n places</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n article(s)</source>
        <translation>
            <numerusform>in 1 article</numerusform>
            <numerusform>in %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n checked</source>
        <translation>
            <numerusform>1 checked</numerusform>
            <numerusform>%n checked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tagged %n occurrence(s) as {label}</source>
        <translation>
            <numerusform>Tagged 1 occurrence as {label}</numerusform>
            <numerusform>Tagged %n occurrences as {label}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Assist</name>
    <message numerus="yes">
        <source>Gazetteer added: %n name(s) from {path}</source>
        <translation>
            <numerusform>Gazetteer added: 1 name from {path}</numerusform>
            <numerusform>Gazetteer added: %n names from {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClaimEditor</name>
    <message numerus="yes">
        <source>delete {label} used by %n claim(s)</source>
        <translation>
            <numerusform>delete {label} used by 1 claim</numerusform>
            <numerusform>delete {label} used by %n claims</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClaimsPanel</name>
    <message numerus="yes">
        <source>%n content segment(s)</source>
        <translation>
            <numerusform>1 content segment</numerusform>
            <numerusform>%n content segments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentFilter</name>
    <message numerus="yes">
        <source>{shown} of %n article(s)</source>
        <translation>
            <numerusform>{shown} of 1 article</numerusform>
            <numerusform>{shown} of %n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportReportText</name>
    <message numerus="yes">
        <source>{exported} of %n document(s) exported</source>
        <translation>
            <numerusform>{exported} of %n document exported</numerusform>
            <numerusform>{exported} of %n documents exported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{exported} of %n entity span(s) exported</source>
        <translation>
            <numerusform>{exported} of %n entity span exported</numerusform>
            <numerusform>{exported} of %n entity spans exported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n adjusted</source>
        <translation>
            <numerusform>, %n adjusted</numerusform>
            <numerusform>, %n adjusted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{exported} of %n claim(s) exported</source>
        <translation>
            <numerusform>{exported} of %n claim exported</numerusform>
            <numerusform>{exported} of %n claims exported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attribute(s)</source>
        <translation>
            <numerusform>%n attribute</numerusform>
            <numerusform>%n attributes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n relation</numerusform>
            <numerusform>%n relations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n normalization(s)</source>
        <translation>
            <numerusform>%n normalization</numerusform>
            <numerusform>%n normalizations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sentence(s)</source>
        <translation>
            <numerusform>%n sentence</numerusform>
            <numerusform>%n sentences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n sentence break(s) inside entities ignored</source>
        <translation>
            <numerusform>; %n sentence break inside entities ignored</numerusform>
            <numerusform>; %n sentence breaks inside entities ignored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n span</numerusform>
            <numerusform>%n spans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message numerus="yes">
        <source>The project&apos;s schema and its guidelines (%n character(s)) go into every file.</source>
        <translation>
            <numerusform>The project&apos;s schema and its guidelines (1 character) go into every file.</numerusform>
            <numerusform>The project&apos;s schema and its guidelines (%n characters) go into every file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%s: %n document(s)</source>
        <translation>
            <numerusform>%s: 1 document</numerusform>
            <numerusform>%s: %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) go to everyone. Who got what: %s</source>
        <translation>
            <numerusform>1 document goes to everyone. Who got what: %s</numerusform>
            <numerusform>%n documents go to everyone. Who got what: %s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>… and %n more warning(s)</source>
        <translation>
            <numerusform>… and 1 more warning</numerusform>
            <numerusform>… and %n more warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n article(s)</source>
        <translation>
            <numerusform>Imported 1 article</numerusform>
            <numerusform>Imported %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>with %n annotation(s)</source>
        <translation>
            <numerusform>with 1 annotation</numerusform>
            <numerusform>with %n annotations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModelTraining</name>
    <message numerus="yes">
        <source>Training the model in the background after %n newly finished article(s)…</source>
        <translation>
            <numerusform>Training the model in the background after 1 newly finished article…</numerusform>
            <numerusform>Training the model in the background after %n newly finished articles…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Model trained on %n article(s) in {seconds:.0f} s (too few to measure its F1)</source>
        <translation>
            <numerusform>Model trained on 1 article in {seconds:.0f} s (too few to measure its F1)</numerusform>
            <numerusform>Model trained on %n articles in {seconds:.0f} s (too few to measure its F1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Model trained on %n article(s) in {seconds:.0f} s · cross-validated F1 {f1:.2f}</source>
        <translation>
            <numerusform>Model trained on 1 article in {seconds:.0f} s · cross-validated F1 {f1:.2f}</numerusform>
            <numerusform>Model trained on %n articles in {seconds:.0f} s · cross-validated F1 {f1:.2f}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Model: ready · F1 {f1:.2f} (%n article(s))</source>
        <translation>
            <numerusform>Model: ready · F1 {f1:.2f} (1 article)</numerusform>
            <numerusform>Model: ready · F1 {f1:.2f} (%n articles)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Model: ready (%n article(s))</source>
        <translation>
            <numerusform>Model: ready (1 article)</numerusform>
            <numerusform>Model: ready (%n articles)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finished article(s)</source>
        <translation>
            <numerusform>1 finished article</numerusform>
            <numerusform>%n finished articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>1 token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>1 entity</numerusform>
            <numerusform>%n entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) finished since the last training; it retrains after every {every}.</source>
        <translation>
            <numerusform>1 article finished since the last training; it retrains after every {every}.</numerusform>
            <numerusform>%n articles finished since the last training; it retrains after every {every}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) finished since the last training; automatic training is off.</source>
        <translation>
            <numerusform>1 article finished since the last training; automatic training is off.</numerusform>
            <numerusform>%n articles finished since the last training; automatic training is off.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>1 article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entity annotation(s)</source>
        <translation>
            <numerusform>1 entity annotation</numerusform>
            <numerusform>%n entity annotations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>1 claim</numerusform>
            <numerusform>%n claims</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message numerus="yes">
        <source>Rejected %n suggestion(s) in this article</source>
        <translation>
            <numerusform>Rejected 1 suggestion in this article</numerusform>
            <numerusform>Rejected %n suggestions in this article</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>reject %n prediction(s)</source>
        <translation>
            <numerusform>reject %n prediction</numerusform>
            <numerusform>reject %n predictions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>accept %n suggestion(s)</source>
        <translation>
            <numerusform>accept 1 suggestion</numerusform>
            <numerusform>accept %n suggestions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamActions</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>1 file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new document(s)</source>
        <translation>
            <numerusform>1 new document</numerusform>
            <numerusform>%n new documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation>
            <numerusform>1 span</numerusform>
            <numerusform>%n spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>1 claim</numerusform>
            <numerusform>%n claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n status(es)</source>
        <translation>
            <numerusform>1 status</numerusform>
            <numerusform>%n statuses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more conflict(s)</source>
        <translation>
            <numerusform>… and 1 more conflict</numerusform>
            <numerusform>… and %n more conflicts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnsavedBanner</name>
    <message numerus="yes">
        <source>⚠ %n change(s) not saved yet ({reason}). They stay on screen and are saved as soon as the file can be written; keep this window open.</source>
        <translation>
            <numerusform>⚠ 1 change not saved yet ({reason}). It stays on screen and is saved as soon as the file can be written; keep this window open.</numerusform>
            <numerusform>⚠ %n changes not saved yet ({reason}). They stay on screen and are saved as soon as the file can be written; keep this window open.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnsavedChanges</name>
    <message numerus="yes">
        <source>%n change(s) could not be saved ({reason}).
Quit anyway and lose them?</source>
        <translation>
            <numerusform>1 change could not be saved ({reason}).
Quit anyway and lose it?</numerusform>
            <numerusform>%n changes could not be saved ({reason}).
Quit anyway and lose them?</numerusform>
        </translation>
    </message>
</context>
</TS>
