"""``python main.py suggest``: run the recognisers, print, store or evaluate suggestions.

Registered on the command group in cli.py; the work is done by core.suggest.
"""
from __future__ import annotations

import sys

import click

from annotator.cli.common import echo_json, open_store
from annotator.cli.terminal import choose_mode, plain
from annotator.core.assist.learn.model import EntityModel, ModelError
from annotator.core.assist.learn.project import for_project, with_its_base
from annotator.core.assist.suggest import BUILTIN, PluginError, build_suggester, score_text
from annotator.core.assist.suggest.evaluate import evaluate_cross_validated, evaluate_store, evaluated_documents
from annotator.core.assist.suggest.gazetteer import GazetteerError
from annotator.core.edits import AcceptSuggestions, SaveClaim, apply
from annotator.core.store.search import UNFINISHED
from annotator.core.team.identity import default_annotator
from annotator.core.wording import count_of


def _part(text: str, rng) -> dict | None:
    if rng is None:
        return None
    return {"start": rng[0], "end": rng[1], "text": text[rng[0]:rng[1]]}


def document_suggestions(store, suggester, doc) -> tuple[dict, list, list]:
    """One document's suggestions (existing annotations left out): as JSON-ready data,
    and as the entity and claim suggestions themselves."""
    entities = suggester.document_entities(store, doc.id, doc.text)
    claims = suggester.claims(doc.text, existing_claims=store.claims(doc.id))
    return {
        "id": doc.id, "title": doc.title,
        "entities": [{"start": s.start, "end": s.end, "label": s.label, "text": doc.text[s.start:s.end],
                      "score": s.score, "source": s.source,
                      "alternatives": [{"label": a.label, "score": a.score, "source": a.source}
                                       for a in s.alternatives]} for s in entities],
        "claims": [{"content": [_part(doc.text, c) for c in claim.content], "cue": _part(doc.text, claim.cue),
                    "source": _part(doc.text, claim.source), "via": _part(doc.text, claim.via),
                    "score": claim.score, "attributes": claim.attributes} for claim in claims],
    }, entities, claims


def apply_suggestions(store, doc_id: str, entities, claims) -> tuple[int, int, int]:
    """Save one document's suggestions as annotations through the edit API (one
    transaction; what the rules refuse is counted): (entities saved, claims saved, refused)."""
    applied = apply(store, AcceptSuggestions(doc_id, tuple(entities), tuple(claims), store.annotator))
    saved = applied.change.changes
    claims_saved = sum(1 for c in saved if isinstance(c, SaveClaim))
    return len(saved[0].spans), claims_saved, len(applied.refused)


def _print_figures(figures: dict, echo) -> None:
    echo(f"documents evaluated: {figures['documents']}"
         + (f" (learned model cross-validated in {figures['folds']} parts)" if "folds" in figures else ""))
    echo(f"{'entities':<12}{'precision':>10}{'recall':>8}{'f1':>8}{'tp':>6}{'fp':>6}{'fn':>6}")
    for label, f in figures["entities"].items():
        echo(f"{label:<12}{f['precision']:>10.3f}{f['recall']:>8.3f}{f['f1']:>8.3f}{f['tp']:>6}{f['fp']:>6}{f['fn']:>6}")
    echo(f"suggestions left out for starting or ending inside a word: {figures.get('dropped_inside_words', 0)}")
    echo(f"{'claims':<12}")
    rows = [("exact", figures["claims"]["exact"]), ("overlap", figures["claims"]["overlap"])]
    rows += [(role, f) for role, f in figures["claims"]["parts"].items()]
    for name, f in rows:
        echo(f"{name:<12}{f['precision']:>10.3f}{f['recall']:>8.3f}{f['f1']:>8.3f}{f['tp']:>6}{f['fp']:>6}{f['fn']:>6}")


@click.command("suggest")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--doc", "doc_ids", multiple=True, metavar="ID", help="Only this document (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--apply", "apply_", is_flag=True,
              help="Save the suggestions as annotations (origin 'suggestion') in the documents that are new or "
                   "in progress for --annotator.")
@click.option("--evaluate", is_flag=True,
              help="Compare suggestions with the annotations (leave one document out): precision, recall, F1.")
@click.option("--gazetteer", "gazetteers", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A gazetteer file, name<TAB>LABEL per line (repeatable; the project's own are used too).")
@click.option("--plugin", "plugins", multiple=True, metavar="SPEC",
              help="A recogniser: module:function or file.py[:function] (repeatable).")
@click.option("--only", "only", multiple=True, metavar="NAME",
              help=f"Use only these recognisers (repeatable; default all): {', '.join(BUILTIN)}.")
@click.option("--model", "model_path", type=click.Path(exists=True, dir_okay=False),
              help="An entity model file (from train --out) instead of the project's own or the default one.")
@click.option("--annotator", default=default_annotator, show_default="your user name",
              help="Annotator recorded on applied suggestions.")
def suggest_command(db, doc_ids, as_json, apply_, evaluate, gazetteers, plugins, only, model_path, annotator):
    """Suggest entities and claims: project gazetteer, imported predictions, gazetteer files, rules,
    the learned model, claims, plugins. --evaluate scores the model by cross-validation (trained
    anew on the other articles for each part) unless --model names a model file."""
    if apply_ and evaluate:
        raise click.UsageError("--apply and --evaluate go separately")
    store = open_store(db, annotator=annotator, readonly=not apply_)
    try:
        try:
            model = _model_file(store, model_path, evaluate) if model_path else None
            suggester = build_suggester(store, gazetteers=gazetteers, plugins=plugins, use=only or None, model=model)
        except (PluginError, GazetteerError, ModelError) as error:
            raise click.ClickException(str(error))
        missing = [d for d in doc_ids if not store.has_document(d)]
        if missing:
            raise click.ClickException(f"no document {', '.join(missing)} in {db}")
        if evaluate:
            chosen = _scorable(store, doc_ids)
            if suggester.has_model() and not model_path:
                figures = evaluate_cross_validated(store, suggester, chosen)
            else:
                figures = evaluate_store(store, suggester, chosen)
            if as_json:
                echo_json(figures)
            else:
                _print_figures(figures, click.echo)
            return
        _suggest(store, suggester, doc_ids, as_json, apply_)
    except PluginError as error:
        raise click.ClickException(str(error))
    finally:
        store.close()


def _scorable(store, doc_ids) -> list[str] | None:
    """The --doc articles that can be scored (annotated or done: their annotations are the
    answers); an unannotated one would count every suggestion as wrong, so it is left out,
    with a word. None: every scorable article."""
    if not doc_ids:
        return None
    scorable = set(evaluated_documents(store))
    skipped = [d for d in doc_ids if d not in scorable]
    if skipped:
        click.echo(f"not scored (no annotation and not done, nothing to score against): {', '.join(skipped)}",
                   err=True)
    return [d for d in doc_ids if d in scorable]


def _model_file(store, path, evaluate: bool):
    """A model file's recogniser for this project (its labels mapped by name). When
    evaluating, the project's entities are not added to its names: they are the answers."""
    loaded = with_its_base(EntityModel.load(path), str(path))
    model = for_project(store, loaded, "file", project_names=not evaluate)
    if model is None:
        raise click.ClickException(f"{path}: none of the model's labels ({', '.join(loaded.labels)}) "
                                   f"is in the project's schema")
    return model


def _suggest(store, suggester, doc_ids, as_json: bool, apply_: bool) -> None:
    wanted = set(doc_ids)       # all exist (checked by the command)
    mode = choose_mode(None, sys.stdout.isatty())
    results, totals = [], {"documents": 0, "entities": 0, "claims": 0, "applied_entities": 0,
                           "applied_claims": 0, "refused": 0}
    for summary in store.documents():
        if wanted and summary.id not in wanted:
            continue
        found, entities, claims = document_suggestions(store, suggester, store.document(summary.id))
        totals["documents"] += 1
        totals["entities"] += len(found["entities"])
        totals["claims"] += len(found["claims"])
        if apply_:
            if summary.status in UNFINISHED:
                e, c, r = apply_suggestions(store, summary.id, entities, claims)
                totals["applied_entities"] += e
                totals["applied_claims"] += c
                totals["refused"] += r
                found["applied"] = True
            else:
                found["applied"] = False
        if as_json:
            results.append(found)
        elif found["entities"] or found["claims"]:       # the listing names only articles with some
            _print_document(found, mode)
    if as_json:
        echo_json({"documents": results, "totals": totals})
    else:
        click.echo(f"{count_of(totals['documents'], 'document')} read: {totals['entities']} entity and "
                   f"{totals['claims']} claim suggestions"
                   + (f"; saved {count_of(totals['applied_entities'], 'entity')} and "
                      f"{count_of(totals['applied_claims'], 'claim')} in unfinished documents, "
                      f"{totals['refused']} refused" if apply_ else ""))


def _print_document(found: dict, mode: str) -> None:
    def line(text: str) -> None:
        click.echo(plain(text, mode))
    line(f"{found['id']}  {found['title']}")
    for s in found["entities"]:
        also = "; ".join(f"{a['label']} {a['source']} {score_text(a['score'])}" for a in s.get("alternatives", ()))
        line(f"  {s['label']:<9} {s['text']}  [{s['start']}, {s['end']})  {s['source']} {score_text(s['score'])}"
             + (f"  (also proposed: {also})" if also else ""))
    for c in found["claims"]:
        content = " … ".join(p["text"] for p in c["content"])
        short = content if len(content) <= 60 else content[:60] + "…"
        who = [f"{role}: {c[role]['text']}" for role in ("cue", "source", "via") if c[role]]
        line(f"  CLAIM     {short}  ({'; '.join(who) or 'no cue'})")
