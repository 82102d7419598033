"""An example recogniser plugin: a person's name after a title (الرئيس فلاديمير بوتين).

Load it with ``python main.py suggest --db project.db --plugin docs/examples/titles_plugin.py``
or Assist ▸ Add a recogniser plugin… in the application. A plugin is any callable taking
the article text and returning spans as (start, end, label[, score]) in Python code-point
offsets; here a regular expression does the work, a real one would wrap a model.
"""
import re

TITLES = ("الرئيس", "الملك", "الأمير", "الشيخ", "الوزير", "السفير", "المستشار", "الجنرال")
# After a title and an optional nationality (الصيني، الروسية), two words that are no preposition.
WORD = r"(?!في\s|من\s|على\s|إلى\s|عن\s)[^\W\d_]{2,}"
NAME = re.compile(r"(?<!\w)[وف]?(?:%s)(?:\s+ال[^\W\d_]+ي(?:ة)?)?\s+(?P<name>%s\s+%s)(?!\w)"
                  % ("|".join(TITLES), WORD, WORD))


def recognise(text):
    return [(m.start("name"), m.end("name"), "PERS", 0.5) for m in NAME.finditer(text)]


# The same interface around a model, for instance a Hugging Face pipeline (not run here):
#
#     from transformers import pipeline
#     _ner = pipeline("ner", model="CAMeL-Lab/bert-base-arabic-camelbert-msa-ner",
#                     aggregation_strategy="simple")
#
#     def recognise(text):
#         return [(e["start"], e["end"], e["entity_group"], float(e["score"])) for e in _ner(text)]
#
# Labels the project schema lacks are dropped; PER/LOC/ORG style names are mapped
# (PER -> PERS, LOCATION -> LOC...).
