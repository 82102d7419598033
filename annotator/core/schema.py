"""Label schemas as data: entity labels, claim roles and attributes, colours, keys.

A schema is a JSON document (format in docs/schemas.md). Built-in ones live in
``resources/schemas/NAME.json``; a project stores its own copy, so adding a label
is never a code change. Pure Python: no Qt here.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.resources import SCHEMAS

__all__ = [
    "SchemaError", "Label", "ClaimRole", "ClaimAttribute", "Schema",
    "BUILTIN_SCHEMAS", "SCHEMA_DIR", "RESERVED_KEYS", "LABEL_KEY_ORDER", "UNKNOWN_COLOUR",
    "load_schema", "builtin_schemas", "label_mapping", "claims_default",
]

SCHEMA_DIR = SCHEMAS          # resources.py is the one place that knows where resources live
BUILTIN_SCHEMAS = ("default", "anercorp", "wojood", "ontonotes")
FORMAT_VERSION = 1

# Keys the application binds to its own actions (delete, skip, next, previous,
# undo-ish, cut/copy/paste, find, edit...): never given to a label automatically,
# and refused if a schema asks for them.
RESERVED_KEYS = frozenset("dsnpzxcvfe")
# Automatic label keys, in order: ten digits first, then letters that are neither
# reserved nor used by the default claim roles (q u o w).
LABEL_KEY_ORDER = tuple("1234567890") + tuple("rtyiaghjklbm")
CLAIM_ROLES = ("content", "cue", "source", "via")
ATTRIBUTE_TYPES = ("choice", "text")
# Colour for labels a schema does not know (e.g. imported from another tool).
UNKNOWN_COLOUR = "#dddddd"

_COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
_KEY_RE = re.compile(r"^[0-9a-z]$")


class SchemaError(ValueError):
    """A schema that cannot be used; the message names the file and the problem."""


@dataclass
class Label:
    name: str
    colour: str
    key: str = ""
    description: str = ""
    examples: list[str] = field(default_factory=list)
    # Display names per interface language: {"ar": "شخص"}. The name itself is what
    # is stored and exported; these are only shown.
    names: dict = field(default_factory=dict)

    def display(self, language: str = "") -> str:
        """The label as an interface in ``language`` shows it (the name itself by default)."""
        return self.names.get(language) or self.name

    def to_dict(self) -> dict:
        out = {"name": self.name, "colour": self.colour, "key": self.key,
               "description": self.description, "examples": list(self.examples)}
        if self.names:
            out["names"] = dict(self.names)
        return out


@dataclass
class ClaimRole:
    """A part of a claim (content, cue, source, via), drawn as an outline/underline."""
    name: str
    colour: str
    key: str = ""
    description: str = ""

    def to_dict(self) -> dict:
        return {"name": self.name, "colour": self.colour, "key": self.key,
                "description": self.description}


@dataclass
class ClaimAttribute:
    """A claim attribute: ``choice`` (one of ``values``) or free ``text``."""
    name: str
    type: str = "choice"
    values: list[str] = field(default_factory=list)
    default: str | None = None
    description: str = ""
    # Display names per interface language: {"ar": "نوع الاقتباس"} and {"ar": {"direct": "مباشر"}}.
    names: dict = field(default_factory=dict)
    value_names: dict = field(default_factory=dict)

    def display(self, language: str = "") -> str:
        """The name as an interface in ``language`` shows it (the name itself, spaced, by default)."""
        return self.names.get(language) or self.name.replace("_", " ")

    def display_value(self, value, language: str = "") -> str:
        return (self.value_names.get(language) or {}).get(value) or str(value)

    def to_dict(self) -> dict:
        out = {"name": self.name, "type": self.type, "values": list(self.values),
               "default": self.default, "description": self.description}
        if self.names:
            out["names"] = dict(self.names)
        if self.value_names:
            out["value_names"] = {lang: dict(v) for lang, v in self.value_names.items()}
        return out


@dataclass
class Schema:
    name: str
    title: str = ""
    description: str = ""
    labels: list[Label] = field(default_factory=list)
    allow_nested: bool = False
    allow_crossing: bool = False
    claim_roles: list[ClaimRole] = field(default_factory=list)
    claim_attributes: list[ClaimAttribute] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.validate()

    def validate(self, source: str | None = None) -> None:
        """Raise SchemaError if the schema is unusable (call again after editing it)."""
        _validate(self, source=source or f"schema {self.name!r}")

    # --- lookups -----------------------------------------------------------
    def label_names(self) -> list[str]:
        return [lab.name for lab in self.labels]

    def __contains__(self, name: object) -> bool:
        return any(lab.name == name for lab in self.labels)

    def label(self, name: str) -> Label:
        for lab in self.labels:
            if lab.name == name:
                return lab
        raise KeyError(f"schema {self.name!r} has no label {name!r}")

    def colour_of(self, name: str) -> str:
        """The label's colour; ``UNKNOWN_COLOUR`` for labels the schema lacks,
        so spans imported with foreign labels can still be drawn."""
        return next((lab.colour for lab in self.labels if lab.name == name), UNKNOWN_COLOUR)

    def display_label(self, name: str, language: str = "") -> str:
        """How the interface in ``language`` shows the label ``name``: its display
        name there, else the name itself (also for labels the schema lacks)."""
        return next((lab.display(language) for lab in self.labels if lab.name == name), name)

    def label_for_key(self, key: str) -> Label | None:
        if not key:
            return None
        return next((lab for lab in self.labels if lab.key == key.lower()), None)

    def role(self, name: str) -> ClaimRole:
        for r in self.claim_roles:
            if r.name == name:
                return r
        raise KeyError(f"schema {self.name!r} has no claim role {name!r}")

    def role_for_key(self, key: str) -> ClaimRole | None:
        if not key:
            return None
        return next((r for r in self.claim_roles if r.key == key.lower()), None)

    def attribute(self, name: str) -> ClaimAttribute:
        for a in self.claim_attributes:
            if a.name == name:
                return a
        raise KeyError(f"schema {self.name!r} has no claim attribute {name!r}")

    # --- JSON --------------------------------------------------------------
    @classmethod
    def from_json(cls, data: str | bytes | dict, *, source: str = "<schema>") -> "Schema":
        """Build from a JSON string or an already parsed dict. ``source`` names the
        file (or project) in error messages."""
        if isinstance(data, (str, bytes)):
            try:
                data = json.loads(data)
            except json.JSONDecodeError as e:
                raise SchemaError(f"{source}: not valid JSON: {e}") from None
        return _from_dict(data, source)

    def to_dict(self) -> dict:
        return {
            "format": FORMAT_VERSION,
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "allow_nested": self.allow_nested,
            "allow_crossing": self.allow_crossing,
            "labels": [lab.to_dict() for lab in self.labels],
            "claims": {
                "roles": [r.to_dict() for r in self.claim_roles],
                "attributes": [a.to_dict() for a in self.claim_attributes],
            },
        }

    def to_json(self) -> str:
        """Deterministic JSON (sorted keys, keys assigned explicitly) for the
        project file: the same schema always gives the same bytes."""
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True, indent=2) + "\n"


# --------------------------------------------------------------------------
# Parsing and validation
# --------------------------------------------------------------------------

def _need(d: dict, key: str, typ, source: str, where: str):
    if key not in d:
        raise SchemaError(f"{source}: {where} has no {key!r}")
    value = d[key]
    if not isinstance(value, typ):
        raise SchemaError(f"{source}: {where}: {key!r} must be {_type_name(typ)}, got {value!r}")
    return value


def _opt(d: dict, key: str, typ, default, source: str, where: str):
    if key not in d or d[key] is None:
        return default
    return _need(d, key, typ, source, where)


def _type_name(typ) -> str:
    names = {str: "a string", bool: "true or false", list: "a list", dict: "an object"}
    return names.get(typ, getattr(typ, "__name__", str(typ)))


def _colour(value: str, source: str, where: str) -> str:
    if not _COLOUR_RE.match(value):
        raise SchemaError(f"{source}: {where}: bad colour {value!r} (expected '#rrggbb')")
    return value.lower()


def _strings(value, source: str, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SchemaError(f"{source}: {where} must be a list of strings, got {value!r}")
    return list(value)


def _display_names(value, source: str, where: str) -> dict[str, str]:
    """``{"ar": "شخص"}``: language code -> non-empty display name."""
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
            isinstance(k, str) and k and isinstance(v, str) and v.strip() for k, v in value.items()):
        raise SchemaError(f"{source}: {where} must map language codes to names "
                          f"(e.g. {{\"ar\": \"شخص\"}}), got {value!r}")
    return {k: v.strip() for k, v in value.items()}


def _from_dict(data, source: str) -> Schema:
    if not isinstance(data, dict):
        raise SchemaError(f"{source}: a schema must be a JSON object, got {type(data).__name__}")
    fmt = data.get("format", FORMAT_VERSION)
    if not isinstance(fmt, int) or fmt > FORMAT_VERSION:
        raise SchemaError(f"{source}: schema format {fmt!r} is newer than this program "
                          f"understands ({FORMAT_VERSION}); update the program")
    name = _need(data, "name", str, source, "the schema")
    raw_labels = _need(data, "labels", list, source, "the schema")
    labels = []
    for i, raw in enumerate(raw_labels):
        where = f"label #{i + 1}"
        if not isinstance(raw, dict):
            raise SchemaError(f"{source}: {where} must be an object, got {raw!r}")
        lname = _need(raw, "name", str, source, where)
        where = f"label {lname!r}"
        labels.append(Label(
            name=lname,
            colour=_colour(_need(raw, "colour", str, source, where), source, where),
            # None = "assign automatically"; "" = deliberately no key.
            key=_opt(raw, "key", str, None, source, where),
            description=_opt(raw, "description", str, "", source, where),
            examples=_strings(raw.get("examples", []), source, f"{where}: examples"),
            names=_display_names(raw.get("names"), source, f"{where}: names"),
        ))

    claims = _opt(data, "claims", dict, {}, source, "the schema")
    default = None
    if "roles" not in claims or "attributes" not in claims:
        default = claims_default()
    roles = (_parse_roles(claims["roles"], source) if "roles" in claims
             else [ClaimRole(**r.to_dict()) for r in default.claim_roles])
    attributes = (_parse_attributes(claims["attributes"], source) if "attributes" in claims
                  else [ClaimAttribute(**a.to_dict()) for a in default.claim_attributes])

    _assign_keys(labels, taken={r.key for r in roles if r.key})
    try:
        return Schema(
            name=name,
            title=_opt(data, "title", str, name, source, "the schema"),
            description=_opt(data, "description", str, "", source, "the schema"),
            labels=labels,
            allow_nested=_opt(data, "allow_nested", bool, False, source, "the schema"),
            allow_crossing=_opt(data, "allow_crossing", bool, False, source, "the schema"),
            claim_roles=roles,
            claim_attributes=attributes,
        )
    except SchemaError as e:
        # Re-word with the file name rather than the schema name.
        raise SchemaError(str(e).replace(f"schema {name!r}", source, 1)) from None


def _parse_roles(raw_roles, source: str) -> list[ClaimRole]:
    if not isinstance(raw_roles, list):
        raise SchemaError(f"{source}: claims.roles must be a list")
    roles = []
    for i, raw in enumerate(raw_roles):
        where = f"claim role #{i + 1}"
        if not isinstance(raw, dict):
            raise SchemaError(f"{source}: {where} must be an object, got {raw!r}")
        rname = _need(raw, "name", str, source, where)
        where = f"claim role {rname!r}"
        roles.append(ClaimRole(
            name=rname,
            colour=_colour(_need(raw, "colour", str, source, where), source, where),
            key=_opt(raw, "key", str, "", source, where),
            description=_opt(raw, "description", str, "", source, where),
        ))
    return roles


def _parse_attributes(raw_attrs, source: str) -> list[ClaimAttribute]:
    if not isinstance(raw_attrs, list):
        raise SchemaError(f"{source}: claims.attributes must be a list")
    attrs = []
    for i, raw in enumerate(raw_attrs):
        where = f"claim attribute #{i + 1}"
        if not isinstance(raw, dict):
            raise SchemaError(f"{source}: {where} must be an object, got {raw!r}")
        aname = _need(raw, "name", str, source, where)
        where = f"claim attribute {aname!r}"
        attrs.append(ClaimAttribute(
            name=aname,
            type=_opt(raw, "type", str, "choice", source, where),
            values=_strings(raw.get("values") or [], source, f"{where}: values"),
            default=_opt(raw, "default", str, None, source, where),
            description=_opt(raw, "description", str, "", source, where),
            names=_opt(raw, "names", dict, {}, source, where),
            value_names=_opt(raw, "value_names", dict, {}, source, where),
        ))
    return attrs


def _assign_keys(labels: list[Label], taken: set[str]) -> None:
    """Give every label without an explicit key the next free one in
    LABEL_KEY_ORDER (1-9, 0, then letters); '' once they run out."""
    used = taken | {lab.key for lab in labels if lab.key}
    free = iter(k for k in LABEL_KEY_ORDER if k not in used)
    for lab in labels:
        if lab.key is None:
            lab.key = next(free, "")


def _validate(schema: Schema, source: str) -> None:
    if not schema.name.strip():
        raise SchemaError(f"{source}: the schema name is empty")
    if not schema.labels:
        raise SchemaError(f"{source}: the schema has no labels")

    seen: dict[str, str] = {}
    for lab in schema.labels:
        if not lab.name or any(c.isspace() for c in lab.name):
            # CoNLL/BIO columns are whitespace-separated: a name with a space breaks them.
            raise SchemaError(f"{source}: bad label name {lab.name!r} (must be non-empty, no spaces)")
        if lab.name in seen:
            raise SchemaError(f"{source}: duplicate label {lab.name!r}")
        seen[lab.name] = lab.name
        _colour(lab.colour, source, f"label {lab.name!r}")

    role_names = [r.name for r in schema.claim_roles]
    if sorted(role_names) != sorted(CLAIM_ROLES):
        raise SchemaError(f"{source}: claim roles must be exactly {', '.join(CLAIM_ROLES)} "
                          f"(each once), got {', '.join(role_names) or 'none'}")
    for r in schema.claim_roles:
        _colour(r.colour, source, f"claim role {r.name!r}")

    owners: dict[str, str] = {}
    items = [(f"label {lab.name!r}", lab.key) for lab in schema.labels]
    items += [(f"claim role {r.name!r}", r.key) for r in schema.claim_roles]
    for what, key in items:
        if key is None or key == "":
            continue
        if not isinstance(key, str) or not _KEY_RE.match(key):
            raise SchemaError(f"{source}: {what}: bad key {key!r} (one character: 0-9 or a-z)")
        if key in RESERVED_KEYS:
            raise SchemaError(f"{source}: {what}: key {key!r} is used by the application "
                              f"(reserved: {' '.join(sorted(RESERVED_KEYS))})")
        if key in owners:
            raise SchemaError(f"{source}: duplicate key {key!r} ({owners[key]} and {what})")
        owners[key] = what

    names = set()
    for a in schema.claim_attributes:
        where = f"claim attribute {a.name!r}"
        if not a.name or a.name in names:
            raise SchemaError(f"{source}: duplicate or empty claim attribute name {a.name!r}")
        names.add(a.name)
        if a.type not in ATTRIBUTE_TYPES:
            raise SchemaError(f"{source}: {where}: type must be one of {ATTRIBUTE_TYPES}, got {a.type!r}")
        if a.type == "choice":
            if not a.values or len(set(a.values)) != len(a.values):
                raise SchemaError(f"{source}: {where}: a choice needs distinct values, got {a.values!r}")
            if a.default is not None and a.default not in a.values:
                raise SchemaError(f"{source}: {where}: default {a.default!r} is not one of {a.values!r}")
        elif a.values:
            raise SchemaError(f"{source}: {where}: a text attribute takes no values")


# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------

def _read_json(path: Path, source: str | None = None):
    source = source or str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise SchemaError(f"{source}: cannot read: {e.strerror or e}") from None
    except UnicodeDecodeError as e:
        raise SchemaError(f"{source}: not UTF-8 text: {e}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise SchemaError(f"{source}: not valid JSON: {e}") from None


_claims_default: Schema | None = None


def claims_default() -> Schema:
    """The shared claim roles and attributes (resources/schemas/claims_default.json),
    as a schema holding only those. Merged into any schema that lacks its own."""
    global _claims_default
    if _claims_default is None:
        path = SCHEMA_DIR / "claims_default.json"
        data = _read_json(path)
        if not isinstance(data, dict):
            raise SchemaError(f"{path}: must be a JSON object")
        roles = _parse_roles(data.get("roles"), str(path))
        attrs = _parse_attributes(data.get("attributes"), str(path))
        # A placeholder label: Schema insists on at least one.
        _claims_default = Schema(name="claims_default", labels=[Label("_", "#ffffff")],
                                 claim_roles=roles, claim_attributes=attrs)
    return _claims_default


def load_schema(name_or_path: str | Path) -> Schema:
    """A built-in schema by name (``default``, ``anercorp``, ``wojood``,
    ``ontonotes``) or a schema JSON file by path."""
    if isinstance(name_or_path, str) and name_or_path in BUILTIN_SCHEMAS:
        path = SCHEMA_DIR / f"{name_or_path}.json"
    else:
        path = Path(name_or_path)
        if not path.is_file():
            raise SchemaError(f"unknown schema {str(name_or_path)!r}: not a built-in "
                              f"({', '.join(BUILTIN_SCHEMAS)}) and no such file")
    return Schema.from_json(_read_json(path), source=str(path))


def builtin_schemas() -> dict[str, Schema]:
    """Every shipped schema by name, ``default`` first."""
    return {name: load_schema(name) for name in BUILTIN_SCHEMAS}


def label_mapping(source: str | Schema, target: str | Schema) -> dict[str, str | None]:
    """How each label of ``source`` becomes a label of ``target`` (None = dropped),
    from resources/schemas/mappings.json. Same schema name: identity."""
    src = source.name if isinstance(source, Schema) else source
    tgt = target.name if isinstance(target, Schema) else target
    if src == tgt:
        schema = source if isinstance(source, Schema) else load_schema(src)
        return {n: n for n in schema.label_names()}
    path = SCHEMA_DIR / "mappings.json"
    data = _read_json(path)
    table = data.get("mappings", {}).get(src, {}).get(tgt)
    if table is None:
        known = sorted(f"{s}->{t}" for s, ts in data.get("mappings", {}).items() for t in ts)
        raise SchemaError(f"{path}: no mapping from {src!r} to {tgt!r} (known: {', '.join(known)})")
    return dict(table["labels"])
