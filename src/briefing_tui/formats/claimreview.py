"""schema.org ClaimReview (JSON-LD): export each claim with a verdict, import ClaimReviews as claims.

Export: ``claimReviewed`` is the claim's gloss (else its quote), ``reviewRating`` carries
``ratingValue``/``bestRating``/``worstRating`` (when the rating has a place on the 1..5 scale) and
``alternateName`` from ``RATINGS``, ``itemReviewed`` is a Claim with the quoted ``text``, its
``author`` (a speaker source) and its ``appearance`` (the briefing's article), ``reviewBody`` the
explanation, ``citation`` the sources.

Import: the rating comes from ``alternateName`` (any of the scale's names), else from
``ratingValue`` brought onto the 1..5 scale. Claims anchor on a text or a base briefing through their
quote; with neither, a document is made from the claims themselves, one paragraph each.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefing_tui.formats.common import (
    Ids,
    Invalid,
    collector_paused,
    document_ids,
    exact_span,
    fail,
    jpath,
    json_errors,
    problem,
    quote_span,
    read_json,
    read_text,
    slug,
)
from briefing_tui.formats.rating_labels import rating_for_label
from briefing_tui.model.types import RATINGS, Claim, Document, Rating, Source, SourceRef, Verdict
from briefing_tui.words import plural

_BY_VALUE = {
    5: Rating.SUPPORTED,
    4: Rating.MOSTLY_SUPPORTED,
    3: Rating.PARTLY_SUPPORTED,
    2: Rating.MISLEADING,
    1: Rating.FALSE,
}


# --- export ----------------------------------------------------------------------------------------


def _obj(value: Any) -> dict[str, Any]:
    """``value`` when it is an object, else an empty one."""
    return value if isinstance(value, dict) else {}


def _speaker(doc: Document, claim: Claim) -> dict[str, Any] | None:
    for ref in claim.sources:
        src = doc.source(ref.source)
        if src is not None and src.entity:
            entity = doc.entity(src.entity)
            kind = "Organization" if entity is not None and entity.type == "organisation" else "Person"
            return {"@type": kind, "name": entity.name if entity else src.title or src.id}
    return None


def _citation(src: Source) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "CreativeWork", "identifier": src.id}
    for key, value in (("name", src.title), ("url", src.url), ("datePublished", src.date)):
        if value:
            out[key] = str(value)
    if src.publisher:
        out["publisher"] = {"@type": "Organization", "name": src.publisher}
    if src.author:
        out["author"] = {"@type": "Person", "name": src.author}
    return out


REQUIRED = ("url", "claimReviewed", "reviewRating", "author")
"""What Google's fact-check rich result needs of each ClaimReview (``reviewRating`` with a label)."""


def _one_date(doc: Document) -> str | None:
    """The document's date for schema.org, which wants one: an interval (an undated document) has none."""
    return str(doc.published) if doc.published and "/" not in str(doc.published) else None


def _appearance(doc: Document) -> dict[str, Any] | None:
    """The briefing's article as the claim's appearance, when the briefing says where it is."""
    if not doc.url:
        return None
    out: dict[str, Any] = {"@type": "CreativeWork", "url": doc.url, "headline": doc.title}
    if _one_date(doc):
        out["datePublished"] = _one_date(doc)
    if doc.publisher:
        out["publisher"] = {"@type": "Organization", "name": doc.publisher}
    if doc.authors:
        out["author"] = [{"@type": "Person", "name": a} for a in doc.authors]
    return out


def export_claimreview(doc: Document, author: str | None = None) -> tuple[list[dict[str, Any]], list[str]]:
    """Every claim with a verdict as a ClaimReview; warnings name the claims left out and what Google's
    rich result requires that the briefing does not give."""
    reviews, warnings = [], []
    kept_all = _obj(doc.extra.get("claimreview"))
    appearance = _appearance(doc)
    if doc.published and _one_date(doc) is None:
        warnings.append(f"published {doc.published} is an interval: no datePublished written")
    for claim in doc.claims:
        if claim.verdict is None:
            warnings.append(f"claim {claim.id} has no verdict: not written")
            continue
        kept = _obj(kept_all.get(claim.id))
        quote = (
            doc.text[claim.span.start : claim.span.end] if claim.span.anchored else claim.span.selector.exact
        )
        info = RATINGS[claim.verdict.rating]
        rating: dict[str, Any] = {"@type": "Rating", "alternateName": info.alternate_name}
        if info.value is not None:
            rating.update(ratingValue=info.value, bestRating=5, worstRating=1)
        published = _obj(kept.get("reviewRating"))
        if rating_for_label(str(published.get("alternateName", ""))) == claim.verdict.rating:
            rating = {"@type": "Rating", **published}  # the reviewer's own label and scale, unchanged
        item: dict[str, Any] = {"@type": "Claim", "text": quote or ""}
        kept_item = _obj(kept.get("itemReviewed"))
        if kept_item:
            item.update(kept_item)
        else:
            if appearance is not None:
                item["appearance"] = [appearance]
            if _one_date(doc):
                item["datePublished"] = _one_date(doc)
            speaker = _speaker(doc, claim)
            if speaker:
                item["author"] = speaker
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": claim.id,
            "claimReviewed": claim.gloss or quote or "",
            "reviewRating": rating,
            "itemReviewed": item,
        }
        if doc.url:
            review["url"] = f"{doc.url}#{claim.id}"
        if claim.verdict.reviewed:
            review["datePublished"] = str(claim.verdict.reviewed)
        if author:
            review["author"] = {"@type": "Organization", "name": author}
        for key in KEPT:  # what the review said of itself wins over what the briefing can say
            if key in kept and (key != "datePublished" or str(kept[key])[:10] == claim.verdict.reviewed):
                review[key] = kept[key]
        if claim.verdict.explanation:
            review["reviewBody"] = claim.verdict.explanation
        sources = [doc.source(r.source) for r in claim.sources]
        citations = [_citation(s) for s in sources if s is not None and not s.entity]
        if citations:
            review["citation"] = citations
        reviews.append(review)
    for key in REQUIRED:
        missing = [r["identifier"] for r in reviews if not r.get(key)]
        if missing:
            why = {"url": ": give the briefing its url (each review is written as URL#claim-id)",
                   "author": ": give the reviewing organisation with --author"}.get(key, "")  # fmt: skip
            shown = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
            warnings.append(f"{plural(len(missing), 'review has', 'reviews have')} no {key}, which "
                            f"Google's fact-check rich result requires ({shown}){why}")  # fmt: skip
    return reviews, warnings


# --- import ----------------------------------------------------------------------------------------


def _reviews(data: Any) -> list[tuple[str, dict[str, Any]]]:
    """Every ClaimReview object in the file, with its JSON path (a list, an @graph, or nested)."""
    out: list[tuple[str, dict[str, Any]]] = []

    def walk(value: Any, where: tuple[str | int, ...], depth: int) -> None:
        if depth > 50:
            return
        if isinstance(value, dict):
            kind = value.get("@type", value.get("type"))
            if kind == "ClaimReview" or (isinstance(kind, list) and "ClaimReview" in kind):
                out.append((jpath(where), value))
                return
            if isinstance(value.get("claimReview"), list) and isinstance(value.get("text"), str):
                for i, review in enumerate(value["claimReview"]):
                    if isinstance(review, dict):
                        out.append((jpath((*where, "claimReview", i)), _from_api(value, review)))
                return
            for key, item in value.items():
                walk(item, (*where, key), depth + 1)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, (*where, i), depth + 1)

    walk(data, (), 0)
    return out


def _from_api(claim: dict[str, Any], review: dict[str, Any]) -> dict[str, Any]:
    """A claim of the Google Fact Check Tools API (``claims:search``) as a schema.org ClaimReview."""
    item: dict[str, Any] = {"@type": "Claim", "text": claim["text"]}
    if isinstance(claim.get("claimant"), str):
        item["author"] = {"@type": "Person", "name": claim["claimant"]}
    if isinstance(claim.get("claimDate"), str):
        item["datePublished"] = claim["claimDate"]
    out: dict[str, Any] = {"@type": "ClaimReview", "claimReviewed": claim["text"], "itemReviewed": item}
    if review.get("textualRating") is not None:
        out["reviewRating"] = {"@type": "Rating", "alternateName": review["textualRating"]}
    for key, target in (("url", "url"), ("reviewDate", "datePublished"), ("title", "headline")):
        if review.get(key) is not None:
            out[target] = review[key]
    if isinstance(review.get("publisher"), dict):
        out["author"] = {"@type": "Organization", "name": review["publisher"].get("name")}
    return out


def _text_of(value: Any, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Invalid(f"{where}: must be a string, not {type(value).__name__}")
    return value


def _name(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("name") or "")
    if isinstance(value, list) and value:
        return _name(value[0])
    return value if isinstance(value, str) else ""


def _number(value: Any, where: str) -> float | None:
    if value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        raise Invalid(f"{where}: must be a number, not {value!r}") from None


def rating_of(review: dict[str, Any], where: str) -> tuple[Rating | None, str]:
    """The rating of a review and a note on how it was found ("" when by its label)."""
    raw = review.get("reviewRating")
    if raw is None:
        return None, "it has no reviewRating"
    if isinstance(raw, list) and raw:
        raw = raw[0]
    if not isinstance(raw, dict):
        raise Invalid(f"{where}.reviewRating: must be an object, not {type(raw).__name__}")
    label = _text_of(raw.get("alternateName"), f"{where}.reviewRating.alternateName").strip()
    label = label or _text_of(raw.get("name"), f"{where}.reviewRating.name").strip()
    rating = rating_for_label(label)
    if rating is not None:
        return rating, ""
    value = _number(raw.get("ratingValue"), f"{where}.reviewRating.ratingValue")
    best = _number(raw.get("bestRating"), f"{where}.reviewRating.bestRating") or 5
    worst = _number(raw.get("worstRating"), f"{where}.reviewRating.worstRating")
    worst = 1 if worst is None else worst
    if value is None or best == worst:
        return None, f"its rating {label or '(no name)'!r} has no equivalent and no usable ratingValue"
    scaled = round(1 + 4 * (value - worst) / (best - worst))
    rating = _BY_VALUE[min(5, max(1, scaled))]
    return (
        rating,
        f"its rating {label or '(no name)'!r} was read from ratingValue {value:g} as {rating.value}",
    )


KEPT = ("url", "author", "datePublished", "headline")
"""Review fields kept as they were (in ``extra.claimreview``) and written back on export."""
KEPT_ITEM = ("author", "datePublished", "appearance", "firstAppearance", "name")
"""``itemReviewed`` (the claim) fields kept as they were."""


def _kept(review: dict[str, Any]) -> dict[str, Any]:
    """What a briefing has no field for but an export must write back: the reviewer, the review's
    address and date (with its time zone), the claimant, where and when the claim appeared, the label."""
    out = {key: review[key] for key in KEPT if review.get(key) not in (None, "", [])}
    item = _obj(review.get("itemReviewed"))
    claim = {key: item[key] for key in KEPT_ITEM if item.get(key) not in (None, "", [])}
    if claim:
        out["itemReviewed"] = claim
    raw = review.get("reviewRating")
    raw = raw[0] if isinstance(raw, list) and raw else raw
    if isinstance(raw, dict):
        rating = {k: raw[k] for k in ("alternateName", "ratingValue", "bestRating", "worstRating", "name")
                  if raw.get(k) not in (None, "")}  # fmt: skip
        if rating:
            out["reviewRating"] = rating
    return out


def import_claimreview(
    json_path: str | Path, text_path: str | Path | None = None, base: Document | None = None
) -> Document:
    """Import ClaimReviews as claims, onto a base briefing, a text, or a document made of the claims."""
    json_path = Path(json_path)
    with collector_paused():
        data = read_json(json_path)
        found = _reviews(data)
        if not found:
            raise fail(json_path, '$: no ClaimReview found (expected objects with "@type": "ClaimReview")')
        with json_errors(json_path):
            return _build(json_path, found, text_path, base)


def _build(json_path: Path, found: list[tuple[str, dict[str, Any]]], text_path: str | Path | None,
           base: Document | None) -> Document:  # fmt: skip
    quotes = []
    for where, review in found:
        item = review.get("itemReviewed")
        if item is not None and not isinstance(item, dict):
            raise Invalid(f"{where}.itemReviewed: must be an object, not {type(item).__name__}")
        claimed = _text_of(review.get("claimReviewed"), f"{where}.claimReviewed")
        quote = _text_of((item or {}).get("text"), f"{where}.itemReviewed.text") or claimed
        if not quote:
            raise Invalid(f"{where}: the review has neither claimReviewed nor itemReviewed.text")
        quotes.append((quote, claimed))
    if base is not None:
        doc = base
    elif text_path is not None:
        path = Path(text_path)
        doc = Document(path, slug(path.stem, "claims"), path.stem, "und", read_text(path))
    else:
        unique = list(dict.fromkeys(q for q, _ in quotes))  # two reviews of one claim share its paragraph
        text = "\n\n".join(unique)
        reviewers = list(dict.fromkeys(who for _, r in found if (who := _name(r.get("author")))))
        shown = ", ".join(reviewers[:3]) + (f" and {len(reviewers) - 3} more" if len(reviewers) > 3 else "")
        title = f"Claims reviewed by {shown}" if reviewers else json_path.stem
        doc = Document(json_path, slug(json_path.stem, "claims"), title, "und", text)
    ids = Ids(document_ids(doc))
    by_url = {s.url: s for s in reversed(doc.sources) if s.url}  # the first source of an address wins
    where_of: dict[str, int] = {}
    offset = 0
    for q in dict.fromkeys(q for q, _ in quotes):
        where_of[q], offset = offset, offset + len(q) + 2
    for (where, review), (quote, claimed) in zip(found, quotes, strict=True):
        if base is None and text_path is None:
            span = exact_span(doc.text, where_of[quote], where_of[quote] + len(quote))
        else:
            span = quote_span(doc.text, quote)
            if not span.anchored:
                doc.problems.append(problem(json_path, f"{where}: its claim is not in the text: an orphan",
                                            warning=True))  # fmt: skip
        identifier = review.get("identifier")
        cid = ids.new(identifier if isinstance(identifier, str) else f"CR{len(doc.claims) + 1}", "claim")
        claim = Claim(cid, span, gloss=claimed if claimed != quote else "")
        rating, how = rating_of(review, where)
        if how:
            doc.problems.append(problem(json_path, f"{where}: {how}", warning=True))
            original = (review.get("reviewRating") or {}).get("alternateName")
            if isinstance(original, str) and original:
                claim.note = f"Original rating: {original}"
        reviewed = review.get("datePublished")
        if rating is not None:
            claim.verdict = Verdict(rating, _text_of(review.get("reviewBody"), f"{where}.reviewBody"),
                                    reviewed[:10] if isinstance(reviewed, str) else None)  # fmt: skip
        speaker = _name((review.get("itemReviewed") or {}).get("author"))
        if speaker:
            claim.note = "\n".join(x for x in (claim.note, f"Said by {speaker}") if x)
        citations = review.get("citation") or []
        for n, cit in enumerate(citations if isinstance(citations, list) else [citations]):
            src = _source(doc, ids, cit, f"{where}.citation[{n}]", by_url)
            claim.sources.append(SourceRef(src.id))
        if isinstance(review.get("url"), str):
            claim.note = "\n".join(x for x in (claim.note, f"Review: {review['url']}") if x)
        reviewer = _name(review.get("author"))
        if reviewer:
            claim.note = "\n".join(x for x in (claim.note, f"Reviewed by {reviewer}") if x)
        kept = _kept(review)
        if kept:
            doc.extra.setdefault("claimreview", {})[claim.id] = kept
        doc.claims.append(claim)
    return doc


def _source(doc: Document, ids: Ids, cit: Any, where: str, by_url: dict[str, Source]) -> Source:
    if isinstance(cit, str):
        cit = {"url": cit}
    if not isinstance(cit, dict):
        raise Invalid(f"{where}: must be an object or a URL, not {type(cit).__name__}")
    identifier = cit.get("identifier")
    existing = doc.source(identifier) if isinstance(identifier, str) else None
    if existing is None and isinstance(cit.get("url"), str):
        existing = by_url.get(cit["url"])
    if existing is not None:
        return existing
    src = Source(ids.new(identifier if isinstance(identifier, str) else f"S{len(doc.sources) + 1}", "source"))
    src.title = _name(cit) or str(cit.get("headline") or "")
    src.url = cit.get("url") if isinstance(cit.get("url"), str) else None
    src.publisher = _name(cit.get("publisher"))
    src.author = _name(cit.get("author"))
    date = cit.get("datePublished")
    src.date = date if isinstance(date, str) else None
    doc.sources.append(src)
    if src.url:
        by_url.setdefault(src.url, src)
    return src
