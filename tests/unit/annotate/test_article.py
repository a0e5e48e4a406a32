"""Reading articles: text, Markdown, saved HTML pages (trafilatura), and hostile files."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from briefing_tui.annotate.article import is_url, read_article
from briefing_tui.annotate.errors import AnnotateError
from briefing_tui.display import sanitize

PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="{charset}">
<title>Retrait du Niger | Le Journal</title>
<meta name="author" content="Awa Diallo">
<meta property="article:published_time" content="2024-04-25T08:00:00+00:00">
<link rel="canonical" href="https://journal.example/niger-retrait">
<script>document.write("<p>injecté</p>")</script><style>p {{ color: red }}</style>
</head><body><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<article><h1>Retrait du Niger</h1>
<p>Les États-Unis ont annoncé le retrait de leurs troupes du Niger,
a déclaré mercredi le département d’État.</p>
<p>Des réunions de suivi auront lieu à Niamey dans les prochains mois,
selon l’ambassadrice Kathleen FitzGibbon.</p>
<p>Le processus devrait s’achever d’ici septembre, après des discussions entamées en juillet 2023.</p>
</article><footer>© Le Journal</footer></body></html>"""


def test_an_html_page_gives_its_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    article = read_article(path)
    assert article.title == "Retrait du Niger"
    assert (article.published, article.url, article.authors) == (
        "2024-04-25",
        "https://journal.example/niger-retrait",
        ["Awa Diallo"],
    )
    assert "Kathleen FitzGibbon" in article.text and "juillet 2023" in article.text
    for gone in ("injecté", "color", "Accueil", "©"):
        assert gone not in article.text


def test_a_page_without_a_date_of_its_own_is_not_dated_by_a_date_in_its_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    undated = PAGE.replace('<meta property="article:published_time" content="2024-04-25T08:00:00+00:00">', "")
    path.write_text(undated.replace("mercredi", "le 19 mai 2024"), encoding="utf-8")
    article = read_article(path)
    assert "19 mai 2024" in article.text and article.published is None  # an event's date, not the page's


def test_a_non_utf8_page_is_decoded_by_its_declared_charset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.html"
    path.write_bytes(PAGE.format(charset="iso-8859-1").replace("’", "'").encode("iso-8859-1"))
    assert "États-Unis" in read_article(path).text


def test_a_draft_from_html_points_into_the_kept_text(tmp_path: Path, draft) -> None:  # noqa: ANN001
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    article = read_article(path)
    doc = draft(article.text, article.published)
    spans = [m for e in doc.entities for m in e.mentions] + [c.span for c in doc.claims]
    assert spans
    for span in spans:
        assert doc.text[span.start : span.end] == span.selector.exact


def test_markdown_and_text_titles(tmp_path: Path) -> None:
    md = tmp_path / "note.md"
    md.write_text("# Le retrait du Niger\n\nLe texte *tel quel*.\n", encoding="utf-8")
    assert read_article(md).title == "Le retrait du Niger"
    crlf = tmp_path / "wire.txt"
    crlf.write_bytes(b"\xef\xbb\xbfTitre\r\n\r\nCorps.\r\n")
    article = read_article(crlf)
    assert (article.title, article.text) == ("Titre", "Titre\n\nCorps.\n")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("binary.txt", b"\x00\x01\x02\x03ELF", "not text"),
        ("latin1.txt", "Un été à Niamey".encode("latin-1"), "not UTF-8"),
        ("plain.html", b"Just some words, not a page at all.", "not an HTML page"),
        ("binary.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR<", "not an HTML page"),
        ("empty.html", b"<html><body></body></html>", "no article text"),
        (
            "scripts.html",
            b"<html><body><script>" + b"x=1;" * 1000 + b"</script></body></html>",
            "no article text",
        ),
    ],
)
def test_a_file_that_is_not_an_article_gets_a_clear_error(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(AnnotateError, match=message):
        read_article(path)


def test_a_50_mb_page_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as out:
        out.write(b"<html><body><p>")
        out.write(b"mot " * (50 * 1024 * 1024 // 4))
    began = time.perf_counter()
    with pytest.raises(AnnotateError, match="too large"):
        read_article(path)
    assert time.perf_counter() - began < 5  # not parsed: refused by its size


def test_deep_nesting_and_controls_give_an_error_or_a_safe_text(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    body = (
        "<div>" * 20000
        + "<p>Le Niger \x1b[31m et \x07 les États-Unis "
        + "texte " * 50
        + "</p>"
        + "</div>" * 20000
    )
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    try:
        article = read_article(path)
    except AnnotateError as exc:
        assert "deep.html" in str(exc)
        return
    assert "\x1b" not in sanitize(article.text) and "\x07" not in sanitize(article.text)


@pytest.mark.parametrize(
    ("argument", "url"),
    [("https://www.lemonde.fr/a.html", True), ("www.example.org/a", True), ("ftp://x/y", True),
     ("article.html", False), ("dossier/https.txt", False)],
)  # fmt: skip
def test_addresses_are_recognised(argument: str, url: bool) -> None:
    assert is_url(argument) is url


FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "annotate"


def test_an_html_page_keeps_its_title_headings_and_paragraphs_apart(draft) -> None:  # noqa: ANN001
    article = read_article(FIXTURES / "paragraphs.html")
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == article.title == "Le Niger annonce un nouveau calendrier de transition"
    assert len(paragraphs) == 4 and all(p.strip() == p and "\n" not in p for p in paragraphs)
    doc = draft(article.text, article.published)
    assert doc.claims and doc.events
    for claim in doc.claims:
        assert "\n\n" not in claim.span.selector.exact
        assert any(claim.span.selector.exact in p for p in paragraphs)
    for event in doc.events:
        assert any(event.label.removesuffix(" …") in p for p in paragraphs[1:]), event.label


def test_no_claim_or_event_runs_across_a_paragraph_without_a_full_stop(draft) -> None:  # noqa: ANN001
    text = (
        "Le gouvernement a annoncé mardi 12 mars 2024 que les élections auraient lieu dans trois ans\n\n"
        "Selon le ministre, 40 % du budget sera consacré à la sécurité en 2025 et le reste aux écoles\n\n"
        "La Cédéao a déclaré le 15 mars 2024 qu’elle suivrait la situation de près"
    )
    doc = draft(text)
    paragraphs = text.split("\n\n")
    assert doc.claims and doc.events
    for claim in doc.claims:
        assert any(claim.span.selector.exact in p for p in paragraphs), claim.span.selector.exact
    for event in doc.events:
        assert any(event.label in p for p in paragraphs), event.label
