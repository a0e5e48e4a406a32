# ruff: noqa: E501  (the cases are data: long literal lines read better whole)
"""Write the hostile corpus: briefing files that try to break the loader, the reader and the terminal.

Run ``python tests/hostile/make_corpus.py`` to (re)write ``tests/hostile/cases/``. The files are committed
as fixtures; the tests compare them with what this script would write, so the two never drift apart.

Each case is listed in ``cases/MANIFEST.json`` with its category and what must happen:

- ``"expect": "valid"``: the file loads; when ``"show"`` is set, the reader must show those literal
  strings and ``"forbid"`` lists byte sequences (hex) that must never reach the terminal;
- ``"expect": "error"``: ``briefing validate`` exits 1 with ``FILE:LINE:COL`` messages;
- ``"expect": "either"``: valid or a clear error, the loader decides; never a traceback or a hang.

Cases that cannot live in git (a FIFO, a directory posing as a file, ``/dev/zero``, file names with
control characters, scalars of many megabytes) are made at test time by ``runtime_cases(tmp)``.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

CASES = Path(__file__).resolve().parent / "cases"

# --- writing YAML by hand: the corpus must hold exactly the bytes we mean --------------------------


def q(value: str) -> str:
    """A YAML double-quoted scalar; controls, invisibles and marks are written as escapes."""
    out = ['"']
    for char in value:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= code < 0x7F:
            out.append(char)
        elif code in _ESCAPE_ALWAYS or unicodedata.category(char) in _ESCAPED_CATEGORIES:
            out.append(
                f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
            )
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


_ESCAPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs", "Mn", "Me"}
_ESCAPE_ALWAYS = {0xFEFF, 0xFFFE, 0xFFFF}

INTRO = "Briefing. "
NAME = "Kathleen FitzGibbon"
CLAIM = "the troops will leave Niger in an orderly way"
BRACKETS = "She said [sic] that [citation needed] files sit in C:\\Temp\\ and D:\\new\\table."


def document(
    payload: str,
    *,
    doc_id: str = "hostile",
    text: str | None = None,
    name_mention: str = NAME,
    claim_quote: str = CLAIM,
    url: str = "https://www.state.gov/withdrawal/",
    source_title: str | None = None,
    source_publisher: str | None = None,
) -> str:
    """A valid briefing with ``payload`` in every field that is shown."""
    p = payload
    body = text if text is not None else f"{INTRO}{p} Ambassador {NAME}{p} said {CLAIM}. {BRACKETS} End{p}."
    lines = [
        "format: 1",
        f"id: {doc_id}",
        f"title: {q('Title ' + p + ' end')}",
        "language: en",
        "published: 2024-04-25",
        f"publisher: {q('Publisher ' + p)}",
        f"url: {q(url + '?q=' + p)}",
        f"authors: [{q('Author ' + p)}]",
        f"text: {q(body)}",
        "entities:",
        "  - id: fitzgibbon",
        f"    name: {q(NAME + p)}",
        "    type: person",
        f"    aliases: [{q('Alias ' + p)}]",
        f"    description: {q('Description ' + p)}",
        "    wikidata: not-found",
        f"    note: {q('Entity note ' + p)}",
        "    mentions:",
        f"      - quote: {q(name_mention)}",
        "events:",
        "  - id: withdrawal",
        f"    label: {q('Event label ' + p)}",
        "    date: 2024-09-15",
        "    entities: [fitzgibbon]",
        "    sources: [S-one]",
        f"    note: {q('Event note ' + p)}",
        "claims:",
        "  - id: C1",
        f"    span: {{quote: {q(claim_quote)}}}",
        f"    gloss: {q('Gloss ' + p)}",
        "    entities: [fitzgibbon]",
        "    sources:",
        f"      - {{source: S-one, passage: {q('Passage ' + p)}}}",
        f"    note: {q('Claim note ' + p)}",
        "    verdict:",
        "      rating: supported",
        f"      explanation: {q('Explanation ' + p)}",
        "      reviewed: 2026-11-27",
        "sources:",
        "  - id: S-one",
        f"    title: {q(source_title if source_title is not None else 'Source title ' + p)}",
        f"    publisher: {q(source_publisher if source_publisher is not None else 'Source publisher ' + p)}",
        f"    author: {q('Source author ' + p)}",
        "    date: 2024-04-24",
        f"    url: {q(url + '#' + p)}",
        f"    mirrors: [{q('https://mirror.example/' + p)}]",
        "    kind: press-statement",
        f"    note: {q('Source note ' + p)}",
    ]
    return "\n".join(lines) + "\n"


def hexes(*sequences: str) -> list[str]:
    """Byte sequences (as hex) that must never reach the terminal."""
    return [s.encode("utf-8", "surrogatepass").hex() for s in sequences]


# --- terminal control ------------------------------------------------------------------------------

ESC, BEL, ST = "\x1b", "\x07", "\x1b\\"
TERMINAL: dict[str, tuple[str, list[str], list[str]]] = {
    # name: (payload, literal stand-ins the screen must show, raw sequences that must never be written)
    "osc52-clipboard": (f"{ESC}]52;c;SGFja2VkIQ=={BEL}", ["␛]52;c;SGFja2VkIQ==␇"], [f"{ESC}]52"]),
    "osc-title": (
        f"{ESC}]0;PWNED-TITLE{BEL}{ESC}]2;PWNED-2{ST}",
        ["␛]0;PWNED-TITLE␇"],
        [f"{ESC}]0;PWNED", f"{ESC}]2;PWNED"],
    ),
    "osc8-hyperlink": (
        f"{ESC}]8;;https://evil.example/{ST}click{ESC}]8;;{ST}",
        ["␛]8;;https://evil.example/␛\\click"],
        [f"{ESC}]8;;https://evil"],
    ),
    "csi-clear-and-move": (
        f"{ESC}[2J{ESC}[H{ESC}[10;10H{ESC}[5A{ESC}[K",
        ["␛[2J␛[H"],
        [f"{ESC}[2J{ESC}[H{ESC}[10;10H"],
    ),
    "terminal-queries": (
        f"{ESC}[6n{ESC}[c{ESC}]11;?{BEL}{ESC}P$q m{ST}{ESC}[21t",
        ["␛[6n␛[c"],
        [f"{ESC}[6n{ESC}[c", f"{ESC}]11;?", f"{ESC}P$q", f"{ESC}[21t"],
    ),
    "mode-switches": (
        f"{ESC}[?1049l{ESC}[?25l{ESC}[?1000h{ESC}c{ESC}(0{ESC}[?2004l",
        ["␛[?1049l␛[?25l"],
        [f"{ESC}[?1049l{ESC}[?25l", f"{ESC}c{ESC}(0", f"{ESC}[?1000h{ESC}c"],
    ),
    "unterminated": (
        f"{ESC}]0;never-ends {ESC}P dcs-never-ends {ESC}[",
        ["␛]0;never-ends"],
        [f"{ESC}]0;never"],
    ),
    "c1-controls": (
        "\x9b2J\x9d0;c1-title\x9c\x90dcs\x9c\x85",
        ["\ufffd2J\ufffd0;c1-title"],
        ["\x9b2J", "\x9d0;c1"],
    ),
    "c0-controls": ("\x00\x07\x08\x08\x08\r\x0e\x0f\x7f", ["␀␇␈␈␈␍␎␏␡"], ["\x0e", "\x08\x08\x08"]),
}

# --- markup and actions ----------------------------------------------------------------------------

MARKUP = (
    "[bold red]bold?[/] [/] [link=https://evil.example]link[/link] [@click=app.quit]quit[/] "
    "[$accent]var[/] [on $error]bg[/] [blink]x[/blink] \\[escaped\\] [b]"
    " [a markdown link](https://evil.example) ![img](http://evil.example/x.png) <b>html</b> ``code``"
)
MARKUP_SHOW = [
    "[bold red]bold?[/]",
    "[@click=app.quit]quit[/]",
    "[$accent]var[/]",
    "[link=https://evil.example]link[/link]",
    "\\[escaped\\]",
    "[a markdown link](https://evil.example)",
]

# --- Unicode ---------------------------------------------------------------------------------------

BIDI = "\u202eevil.exe\u202c \u2066isolate\u2069 \u2067rtl\u2069 \u200f\u200e \u061c"
INVISIBLE = "in\u200bvis\u200cible\u200d \u2060word\ufeff soft\u00adhyphen \u3164\u115f \U000e0041\U000e0042"
COMBINING_FLOOD = "Z" + "\u0301\u0316\u0353\u0324" * 60 + "algo"
LINE_SEPARATORS = "line\u2028separator\u2029paragraph\x85next"
WIDE = "中文字符 日本語 한국어 👩\u200d👩\u200d👧 🏳\ufe0f\u200d🌈 ❤\ufe0f 🇳🇪 ＦＵＬＬ"
KEYCAP = (
    "1\ufe0f\u20e3"  # last in the text: pyte stops drawing a row at a zero-width mark that does not combine
)


def _unicode_cases() -> dict[str, tuple[str, dict]]:
    cases: dict[str, tuple[str, dict]] = {}
    cases["unicode-bidi"] = (document(BIDI), {"show": ["⇄evil.exe⇄"], "forbid": hexes("\u202e", "\u2066")})
    cases["unicode-invisible"] = (document(INVISIBLE), {"show": ["in⬚vis⬚ible"], "forbid": hexes("\u200b")})
    cases["unicode-combining-flood"] = (document(COMBINING_FLOOD), {"show": ["◌◌◌◌"]})
    cases["unicode-line-separators"] = (
        document(LINE_SEPARATORS),
        {"show": ["line␤separator¶paragraph"], "forbid": hexes("\u2028", "\u2029", "\x85")},
    )
    # Wide characters and emoji before and inside the mentions and the claim.
    wide_name = "習近平 FitzGibbon 👩\u200d👩\u200d👧"
    wide_text = f"{WIDE} 前文 {wide_name} 中文 {CLAIM} 🇳🇪 ok. {BRACKETS} {KEYCAP}"
    cases["unicode-wide-mentions"] = (
        document("", text=wide_text, name_mention=wide_name),
        {"show": ["習近平 FitzGibbon"]},
    )
    # Lone surrogates: YAML escapes can name them; the loader must refuse or the boundary replace them.
    cases["unicode-lone-surrogates"] = (document("\ud800 half \udfff"), {"expect": "either"})
    # NFD text, NFC quotes: the quote must still anchor (or be reported), never crash.
    nfd_text = unicodedata.normalize("NFD", f"{INTRO}Les États-Unis et {NAME} é à ç. {CLAIM} réussi.")
    cases["unicode-nfd-text-nfc-quote"] = (
        document("", text=nfd_text, claim_quote=unicodedata.normalize("NFC", f"{CLAIM} réussi")),
        {"expect": "either"},
    )
    # Homoglyph hosts and look-alike source names.
    cases["unicode-homoglyph-host"] = (
        document(
            "",
            url="https://www.ѕtate.gov/withdrawal/",  # Cyrillic ѕ
            source_title="U.S. Dерartment of State",  # Cyrillic е and р
            source_publisher="Whitе Hоuse",
        ),
        {"show": ["xn--"]},
    )
    cases["unicode-whole-script-host"] = (
        document("", url="https://аррӏе.com/"),
        {"show": ["xn--80ak6aa92e"]},
    )
    return cases


# --- YAML ------------------------------------------------------------------------------------------

MINIMAL = "format: 1\nid: minimal\ntitle: Minimal\nlanguage: en\ntext: Some text.\n"


def _yaml_cases() -> dict[str, bytes]:
    cases: dict[str, bytes] = {}
    cases["yaml-python-tag"] = b"format: 1\nid: x\ntitle: !!python/object/apply:os.system ['echo PWNED']\n"
    cases["yaml-python-name-tag"] = MINIMAL.encode() + b"extra: !!python/name:os.system\n"
    cases["yaml-custom-tag"] = MINIMAL.replace("Minimal", "!shell Minimal").encode()
    cases["yaml-set-tag"] = MINIMAL.encode() + b"authors: !!set {a, b}\n"
    laughs = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    laughs += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    cases["yaml-alias-bomb"] = (MINIMAL + "\n".join(laughs) + "\n").encode()
    cases["yaml-recursive-alias"] = (MINIMAL + "authors: &loop [*loop]\n").encode()
    cases["yaml-merge-key"] = (
        b"base: &base {format: 1, id: merged, title: T, language: en, text: t}\n<<: *base\n"
    )
    cases["yaml-deep-nesting-flow"] = (MINIMAL + "authors: " + "[" * 5000 + "]" * 5000 + "\n").encode()
    deep_block = "".join("  " * i + "- \n" for i in range(300))
    cases["yaml-deep-nesting-block"] = (MINIMAL + "authors:\n" + deep_block).encode()
    cases["yaml-huge-numbers"] = (
        MINIMAL.replace("format: 1", "format: " + "9" * 5000) + "published: 1e999999\n"
    ).encode()
    cases["yaml-huge-int-offsets"] = (
        MINIMAL + "entities:\n  - id: e\n    name: E\n    type: other\n    mentions:\n"
        "      - [0, 99999999999999999999999999999]\n      - {start: -1e308, end: .inf}\n"
        "      - {start: .nan, end: 3}\n"
    ).encode()
    cases["yaml-duplicate-keys"] = (MINIMAL + "title: Again\n").encode()
    cases["yaml-duplicate-keys-flow"] = (
        MINIMAL + "entities: [{id: a, id: b, name: N, type: other}]\n"
    ).encode()
    cases["yaml-non-utf8"] = MINIMAL.replace("Some text.", "Caf\xe9 \xff\xfe bytes.").encode("latin-1")
    cases["yaml-utf16-bom"] = MINIMAL.encode("utf-16")
    cases["yaml-utf16-le-nobom"] = MINIMAL.encode("utf-16-le")
    cases["yaml-utf8-bom"] = b"\xef\xbb\xbf" + MINIMAL.replace("minimal", "bom").encode()
    cases["yaml-bom-in-text"] = (MINIMAL.replace("Some text.", '"\\ufeffSome text."')).encode()
    cases["yaml-tabs-indent"] = MINIMAL.replace("id: minimal", "id: minimal\nentities:\n\t- id: x").encode()
    cases["yaml-tabs-in-text"] = MINIMAL.replace("Some text.", '"Some\ttext\twith\ttabs."').encode()
    cases["yaml-11-surprises"] = (
        b"format: 1\nid: 012\ntitle: NO\nlanguage: no\npublished: 2024-04-25\npublisher: on\n"
        b"text: yes\nauthors: [1:20, 0x1F, ~, .inf, 0o17, 1_000]\n"
    )
    cases["yaml-several-documents"] = (MINIMAL + "---\n" + MINIMAL.replace("minimal", "second")).encode()
    cases["yaml-empty"] = b""
    cases["yaml-only-comments"] = b"# nothing here\n# at all\n"
    cases["yaml-only-null"] = b"~\n"
    cases["yaml-top-level-list"] = b"- format: 1\n- id: x\n"
    cases["yaml-top-level-scalar"] = b"just a string\n"
    cases["yaml-wrong-types"] = (
        b"format: one\nid: [a, b]\ntitle: {x: 1}\nlanguage: 5\ntext: 42\nentities: nope\nclaims: {a: 1}\n"
        b"events:\n  - 17\nsources: [[1]]\n"
    )
    cases["yaml-wrong-nested-types"] = (
        MINIMAL + "entities:\n  - id: e\n    name: [x]\n    type: {}\n    mentions: [7, null, {quote: [1]}]\n"
        "claims:\n  - id: c\n    span: 5\n    verdict: {rating: [x]}\n    sources: [{source: {}}]\n"
    ).encode()
    cases["yaml-bad-ids"] = (
        MINIMAL.replace("id: minimal", 'id: "bad id \\e[2J"')
        + 'entities:\n  - id: ""\n    name: N\n    type: other\n  - id: "a\\u202eb"\n    name: M\n    type: other\n'
    ).encode()
    cases["yaml-missing-required"] = b"format: 1\nentities: []\n"
    cases["yaml-unknown-format"] = MINIMAL.replace("format: 1", "format: 99").encode()
    cases["yaml-raw-control-bytes"] = MINIMAL.replace("Some text.", "Some \x1b[2J text \x07.").encode()
    cases["yaml-raw-c1-bytes"] = MINIMAL.replace("Some text.", "Some \u009b2J text.").encode()
    cases["yaml-nul-byte"] = MINIMAL.encode() + b"\x00\n"
    cases["yaml-unclosed-quote"] = MINIMAL.replace("Some text.", '"Some text.').encode()
    cases["yaml-bad-indentation"] = b"format: 1\n id: x\n  title: y\n"
    cases["yaml-unknown-keys"] = (MINIMAL + "titel: typo\nentites: []\n").encode()
    cases["yaml-bad-dates"] = (
        MINIMAL.replace("language: en", "language: en\npublished: 2024-13-45")
        + "events:\n  - id: e\n    label: L\n    date: 'yesterday \\e[2J'\n"
    ).encode()
    cases["yaml-bad-rating"] = (
        MINIMAL + "claims:\n  - id: c\n    span: {quote: Some}\n    verdict: {rating: 'true\\e[31m'}\n"
    ).encode()
    return cases


# --- anchoring -------------------------------------------------------------------------------------

ANCHOR_TEXT = "😀😀 Les États-Unis ont 🇳🇪 Niger. Kathleen FitzGibbon a dit. Niger, Niger et Niger.\n"


def _entity_doc(mentions: list[str], text: str = ANCHOR_TEXT, extra: str = "") -> bytes:
    head = f"format: 1\nid: anchoring\ntitle: Anchoring\nlanguage: fr\ntext: {q(text)}\n"
    body = "entities:\n  - id: e\n    name: E\n    type: other\n    mentions:\n"
    body += "".join(f"      - {m}\n" for m in mentions)
    return (head + body + extra).encode("utf-8")


def _anchor_cases() -> dict[str, tuple[bytes, str]]:
    text = ANCHOR_TEXT
    name_start = text.index("Kathleen")
    utf16 = len(text[:name_start].encode("utf-16-le")) // 2
    utf8 = len(text[:name_start].encode("utf-8"))
    n = len("Kathleen FitzGibbon")
    cases: dict[str, tuple[bytes, str]] = {}
    cases["anchor-utf16-offsets"] = (
        _entity_doc([f"{{exact: Kathleen FitzGibbon, start: {utf16}, end: {utf16 + n}}}"]),
        "either",
    )
    cases["anchor-utf8-offsets"] = (
        _entity_doc([f"{{exact: Kathleen FitzGibbon, start: {utf8}, end: {utf8 + n}}}"]),
        "either",
    )
    cases["anchor-utf16-offsets-no-quote"] = (_entity_doc([f"[{utf16}, {utf16 + n}]"]), "either")
    crlf_text = "Line one.\r\nLine two with Kathleen FitzGibbon.\r\n"
    crlf_start = crlf_text.index("Kathleen")
    lf_start = crlf_text.replace("\r\n", "\n").index("Kathleen")
    cases["anchor-crlf-offsets"] = (
        _entity_doc(
            [f"{{exact: Kathleen FitzGibbon, start: {crlf_start}, end: {crlf_start + n}}}"],
            crlf_text.replace("\r\n", "\n"),
        ),
        "either",
    )
    cases["anchor-crlf-file"] = (
        _entity_doc(
            [f"{{exact: Kathleen FitzGibbon, start: {lf_start}, end: {lf_start + n}}}"],
            "Line one.\nLine two with Kathleen FitzGibbon.\n",
        ).replace(b"\n", b"\r\n"),
        "valid",
    )
    cases["anchor-reversed"] = (_entity_doc(["[20, 10]", "{start: 30, end: 5}"]), "error")
    cases["anchor-negative"] = (_entity_doc(["[-5, 3]", "{start: -1, end: -1}"]), "error")
    cases["anchor-out-of-range"] = (_entity_doc(["[5, 100000]", "{start: 99999, end: 100000}"]), "error")
    cases["anchor-empty-span"] = (_entity_doc(["[5, 5]", "{quote: ''}"]), "either")
    cases["anchor-cuts-grapheme"] = (
        _entity_doc(["[1, 3]", "[0, 1]", f"[{text.index('🇳')}, {text.index('🇳') + 1}]"]),
        "either",
    )
    cases["anchor-ambiguous"] = (_entity_doc(["{quote: Niger}"]), "either")
    cases["anchor-ambiguous-with-context"] = (
        _entity_doc(["{exact: Niger, prefix: 'Niger, ', suffix: ' et'}"]),
        "valid",
    )
    cases["anchor-missing-quote"] = (_entity_doc(["{quote: 'Emmanuel Macron'}"]), "either")
    cases["anchor-whitespace-drift"] = (_entity_doc(["{quote: 'Kathleen   FitzGibbon\n a  dit'}"]), "either")
    cases["anchor-quote-disagrees-with-position"] = (
        _entity_doc(["{exact: Macron, start: 3, end: 9}"]),
        "either",
    )
    many = [f"[{i % 40}, {40 + i % 37}]" for i in range(3000)]
    cases["anchor-thousands-overlapping"] = (_entity_doc(many), "valid")
    cases["anchor-dangling-references"] = (
        _entity_doc(
            ["{quote: Niger.}"],
            extra=(
                "events:\n  - id: ev\n    label: L\n    date: 2024\n    entities: [nobody]\n    sources: [S-missing]\n"
                "claims:\n  - id: c\n    span: {quote: a dit}\n    entities: [ghost]\n    sources: [S-none, {source: S-gone}]\n"
                "sources:\n  - id: S-doc\n    document: no-such-document\n    span: {quote: x}\n  - id: S-ent\n    entity: no-such-entity\n"
            ),
        ),
        "error",
    )
    cases["anchor-duplicate-ids"] = (
        _entity_doc(["{quote: Niger.}"], extra="  - id: e\n    name: Again\n    type: other\n"),
        "error",
    )
    return cases


# --- search ----------------------------------------------------------------------------------------

SEARCH_QUERIES = [
    "(a+)+$",
    "(a|a)*b",
    "(.*a){20}",
    "((a*)*)*b",
    "(x+x+)+y",
    "^(([a-z])+.)+[A-Z]([a-z])+$",
    "[",
    "(",
    "\\",
    "a{1000000}",
    "(?P<x>a)(?P=x)",
    "(?<=a)b",
    "\\1",
    ".*.*.*.*.*.*.*.*.*.*=",
    "\x1b]52;c;SGk=\x07",
    "[bold]x[/]",
    "\u202e",
    "*",
    "?",
    "+",
    "$^",
    "a" * 10000,
    "(a" * 300 + ")" * 300,
    "é" * 5000,
]


# --- writing ---------------------------------------------------------------------------------------


def build() -> tuple[dict[str, bytes], dict[str, dict]]:
    files: dict[str, bytes] = {}
    manifest: dict[str, dict] = {}

    def add(name: str, data: bytes, category: str, expect: str, **extra: object) -> None:
        files[name + ".yaml"] = data
        manifest[name + ".yaml"] = {"category": category, "expect": expect, **extra}

    for name, (payload, show, forbid) in TERMINAL.items():
        add(f"term-{name}", document(payload).encode(), "terminal", "valid", show=show, forbid=hexes(*forbid))
    add("markup-rich-and-markdown", document(MARKUP).encode(), "markup", "valid", show=MARKUP_SHOW)
    add(
        "markup-brackets-and-backslashes",
        document(" [sic] ").encode(),
        "markup",
        "valid",
        show=["[sic]", "[citation needed]", "C:\\Temp\\"],
    )
    for name, (text, info) in _unicode_cases().items():
        info = dict(info)
        add(name, text.encode("utf-8", "surrogatepass"), "unicode", info.pop("expect", "valid"), **info)
    for name, data in _yaml_cases().items():
        expect = "either"
        if name in _YAML_ERRORS:
            expect = "error"
        elif name in _YAML_VALID:
            expect = "valid"
        add(name, data, "yaml", expect)
    for name, (data, expect) in _anchor_cases().items():
        add(name, data, "anchoring", expect)
    files["search-queries.json"] = (json.dumps(SEARCH_QUERIES, ensure_ascii=True, indent=0) + "\n").encode()
    files["MANIFEST.json"] = (
        json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=True) + "\n"
    ).encode()
    return files, manifest


_YAML_ERRORS = {
    "yaml-python-tag", "yaml-python-name-tag", "yaml-custom-tag", "yaml-set-tag", "yaml-alias-bomb",
    "yaml-recursive-alias", "yaml-merge-key", "yaml-deep-nesting-flow", "yaml-huge-numbers", "yaml-duplicate-keys",
    "yaml-duplicate-keys-flow", "yaml-non-utf8", "yaml-empty", "yaml-only-comments", "yaml-only-null",
    "yaml-top-level-list", "yaml-top-level-scalar", "yaml-wrong-types", "yaml-wrong-nested-types", "yaml-bad-ids",
    "yaml-missing-required", "yaml-unknown-format", "yaml-raw-control-bytes", "yaml-nul-byte",
    "yaml-unclosed-quote", "yaml-bad-indentation", "yaml-tabs-indent", "yaml-bad-dates", "yaml-bad-rating",
    "yaml-several-documents", "yaml-huge-int-offsets",
}  # fmt: skip
_YAML_VALID = {"yaml-utf8-bom", "yaml-tabs-in-text", "yaml-bom-in-text"}


# --- cases made at test time -----------------------------------------------------------------------


def runtime_cases(tmp: Path) -> dict[str, tuple[Path, str]]:
    """Cases that cannot be committed: returns name -> (path, expect)."""
    import os

    out: dict[str, tuple[Path, str]] = {}
    fifo = tmp / "fifo.yaml"
    os.mkfifo(fifo)
    out["fifo"] = (fifo, "error")
    folder = tmp / "folder.yaml"
    folder.mkdir()
    out["directory-named-yaml"] = (folder, "either")
    out["dev-zero"] = (Path("/dev/zero"), "error")
    evil = tmp / "evil\x1b]0;PWNED-TITLE\x07\x1b[2J\u202egnp.yaml"
    evil.write_bytes(b"format: 1\nid: [broken\n")
    out["control-file-name"] = (evil, "error")
    bad_bytes = tmp / os.fsdecode(b"bad\xff\xfename.yaml")
    bad_bytes.write_bytes(b"format: 1\nid: x\n")
    out["non-utf8-file-name"] = (bad_bytes, "error")
    huge = tmp / "huge-scalar.yaml"
    huge.write_bytes(MINIMAL.encode() + b"note: " + b"x" * (64 * 1024 * 1024) + b"\n")
    out["huge-scalar-64mb"] = (huge, "either")
    long_line = tmp / "huge-text.yaml"
    long_line.write_bytes(MINIMAL.replace("Some text.", "'" + "word " * 400_000 + "'").encode())
    out["text-2mb-one-line"] = (long_line, "valid")
    return out


def write(target: Path = CASES) -> int:
    files, _ = build()
    target.mkdir(parents=True, exist_ok=True)
    for old in target.iterdir():
        if old.name not in files:
            old.unlink()
    for name, data in files.items():
        (target / name).write_bytes(data)
    return len(files)


def main(argv: list[str]) -> int:
    count = write(Path(argv[1]) if len(argv) > 1 else CASES)
    print(f"wrote {count} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
