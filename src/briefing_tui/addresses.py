"""Addresses and names as the reader shows them: hosts in punycode, look-alike letters, safe link targets.

``display_url`` shows an address with its host in punycode and says what makes it suspicious (mixed
scripts, a host that looks like another, a user name before the host); ``name_warnings`` does the same
for a name; ``link_target`` gives an address safe to write into a link, or None. Every string they
return has passed through ``briefing_tui.display.sanitize``.
"""

from __future__ import annotations

import re
import unicodedata

from briefing_tui.display import sanitize
from briefing_tui.record import record

# Scripts that may share a host label (UTS #39 "highly restrictive"): Latin with the CJK scripts.
_ALLOWED_MIXES = (
    frozenset({"LATIN", "CJK", "HIRAGANA", "KATAKANA"}),
    frozenset({"LATIN", "CJK", "BOPOMOFO"}),
    frozenset({"LATIN", "CJK", "HANGUL"}),
)
# Letters of other scripts drawn like a Latin letter (the usual whole-script spoofs).
_LATIN_LOOKALIKES = {
    # Cyrillic
    "а": "a", "в": "b", "с": "c", "ԁ": "d", "е": "e", "һ": "h", "і": "i", "ј": "j", "к": "k", "ӏ": "l",
    "м": "m", "н": "h", "о": "o", "р": "p", "ԛ": "q", "ѕ": "s", "т": "t", "у": "y", "ԝ": "w", "х": "x",
    "ү": "y", "ɡ": "g", "ь": "b", "п": "n",
    # Greek
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
    "υ": "u", "χ": "x", "ω": "w",
    # Armenian
    "օ": "o", "ս": "u", "ո": "n", "հ": "h", "ց": "g", "զ": "q",
}  # fmt: skip
_DOTS = re.compile("[.\u3002\uff0e\uff61]")


def _script(char: str) -> str | None:
    if not char.isalpha():
        return None
    try:
        name = unicodedata.name(char)
    except ValueError:
        return "UNKNOWN"
    first = name.split(" ", 1)[0]
    if first in ("FULLWIDTH", "HALFWIDTH", "MATHEMATICAL", "CIRCLED", "PARENTHESIZED", "SQUARED"):
        return "COMPATIBILITY"
    if first in ("MODIFIER", "FEMININE", "MASCULINE"):  # ʼ ª º: used with any script
        return None
    if first == "KATAKANA-HIRAGANA":  # the prolonged sound mark
        return "KATAKANA"
    return "CJK" if first in ("CJK", "IDEOGRAPHIC") else first


def _script_names(scripts: set[str]) -> str:
    return "+".join(sorted("Han" if s == "CJK" else s.title() for s in scripts))


def _punycode(label: str) -> str:
    if label.isascii():
        return sanitize(label.lower())
    try:
        # Punycode copies ASCII characters as they are, controls included.
        return "xn--" + sanitize(label.lower().encode("punycode").decode("ascii"))
    except UnicodeError:
        return label.encode("ascii", "backslashreplace").decode("ascii")


def _label_warnings(label: str) -> list[str]:
    warnings: list[str] = []
    if label.lower().startswith("xn--"):  # already punycode: judge what it stands for
        try:
            label = label[4:].encode("ascii").decode("punycode")
        except UnicodeError:
            return ["a host label that is not valid punycode"]
    scripts = {s for s in map(_script, label) if s}
    if "COMPATIBILITY" in scripts:
        warnings.append(f"look-alike letters (fullwidth or styled) in {_punycode(label)}")
        scripts.discard("COMPATIBILITY")
    if len(scripts) > 1 and not any(scripts <= mix for mix in _ALLOWED_MIXES):
        warnings.append(f"mixed scripts ({_script_names(scripts)}) in {_punycode(label)}")
    elif (
        scripts
        and scripts != {"LATIN"}
        and all(c in _LATIN_LOOKALIKES or not c.isalpha() for c in label.lower())
    ):
        spoof = "".join(_LATIN_LOOKALIKES.get(c, c) for c in label.lower())
        warnings.append(f"{_punycode(label)} looks like the Latin '{spoof}'")
    if any(unicodedata.category(c) in ("Cf", "Cc", "Zs", "Mn") for c in label):
        warnings.append(f"invisible or joining characters in {_punycode(label)}")
    return warnings


_WORD = re.compile(r"\w+")


def name_warnings(name: str) -> tuple[str, ...]:
    """Why a name (a source's title or publisher, an author) may pass for another: look-alike letters.

    A word that mixes scripts (``Dерartment`` with a Cyrillic ``е`` and ``р``) or uses fullwidth or
    styled letters is named, with the letters that do not belong. Empty for ordinary names, in any
    single script.
    """
    warnings: list[str] = []
    for match in _WORD.finditer(name):
        word = match.group()
        if word.isascii():
            continue
        scripts = [s for s in map(_script, word) if s]
        distinct = set(scripts)
        styled = "COMPATIBILITY" in distinct
        distinct.discard("COMPATIBILITY")
        mixed = len(distinct) > 1 and not any(distinct <= mix for mix in _ALLOWED_MIXES)
        if not (mixed or styled):
            continue
        main = max(distinct, key=scripts.count) if distinct else ""
        odd = "".join(
            dict.fromkeys(c for c, s in zip(word, map(_script, word), strict=True) if s and s != main)
        )
        kinds = _script_names(distinct) if mixed else "fullwidth or styled"
        warnings.append(f"look-alike letters ({kinds}) in '{sanitize(word)}': {sanitize(odd)}")
    return tuple(dict.fromkeys(warnings))


@record
class ShownUrl:
    """An address as the reader shows it.

    Attributes:
        text: what to show: sanitized, the host written in punycode (ASCII).
        host: the host in punycode, lower case ("" when there is none).
        unicode_host: the host as written, sanitized.
        scheme: the scheme, lower case.
        warnings: why the address deserves a second look (mixed scripts, a look-alike host,
            a user name before the host...). Empty when nothing was found.
    """

    text: str
    host: str
    unicode_host: str
    scheme: str
    warnings: tuple[str, ...] = ()

    @property
    def suspicious(self) -> bool:
        return bool(self.warnings)

    @property
    def openable(self) -> bool:
        """Whether a browser may be given this address: http(s), a host, nothing that hides where it goes."""
        return self.scheme in ("http", "https") and bool(self.host) and not self.warnings


HIDDEN_CHARACTERS = "control or invisible characters in the address"
"""The warning of an address ``hides_characters`` finds, in the reader and in the loader's problems."""


def hides_characters(url: str) -> bool:
    """Whether ``url`` (its blanks around it apart) holds a character shown as a stand-in: a control
    (an escape sequence), a bidi control, an invisible one. The one rule for the reader's warning
    (``display_url``) and the loader's (``FieldReader.url``): what it shows is what it checked."""
    url = url.strip()
    return not url.isprintable() or sanitize(url) != url


def display_url(url: str) -> ShownUrl:
    """Show ``url`` with its host in punycode, and say what makes it suspicious.

    Never raises: an address that does not parse is shown sanitized, with a warning.
    """
    from urllib.parse import urlsplit

    url = url.strip()
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return ShownUrl(sanitize(url), "", "", "", ("not a valid address",))
    scheme = parts.scheme.lower()
    warnings: list[str] = []
    if scheme not in ("http", "https"):
        warnings.append(f"not a web address (scheme {sanitize(scheme) or 'missing'})")
    userinfo = netloc.rpartition("@")[0] if "@" in netloc else ""
    if userinfo:
        warnings.append("a user name before the host: the address goes to the host after '@'")
    if "\\" in netloc:
        warnings.append("a backslash in the host part")
    if hides_characters(url):
        warnings.append(HIDDEN_CHARACTERS)
    labels = _DOTS.split(host)
    if any(dot in host for dot in "\u3002\uff0e\uff61"):
        warnings.append("look-alike dots in the host")
    for label in labels:
        warnings.extend(_label_warnings(label))
    ascii_host = ".".join(_punycode(label) for label in labels)
    if not host:
        shown = sanitize(url)
    else:
        head, sep, tail = url.partition("//")
        rest = tail[len(netloc) :] if sep else ""
        user = f"{sanitize(userinfo)}@" if userinfo else ""
        host_part = f"[{ascii_host}]" if ":" in ascii_host else ascii_host
        port_part = f":{port}" if port is not None else ""
        shown = f"{sanitize(head)}//{user}{host_part}{port_part}{sanitize(rest)}"
    return ShownUrl(shown, ascii_host, sanitize(host), scheme, tuple(dict.fromkeys(warnings)))


_LINK_SAFE = "/?#[]@!$&*+,;=%-._~:"  # kept as they are; everything else is percent-encoded (UTF-8)


def link_target(url: str) -> str | None:
    """An address safe to write into an ``href`` or a Markdown link, or None when it must not be linked.

    Only http(s) addresses with a host and no user name or backslash before it are linked. The host
    is written in punycode, the rest percent-encoded: no control, space, quote, bracket or non-ASCII
    character is left, so the address can neither leave its attribute or link syntax nor carry an
    escape sequence to a terminal.
    """
    from urllib.parse import quote, urlsplit

    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    netloc = parts.netloc
    if parts.scheme.lower() not in ("http", "https") or "@" in netloc or "\\" in netloc:
        return None
    shown = display_url(url)
    host = shown.host
    if not host or not host.isascii() or not all(c.isalnum() or c in ".-:[]" for c in host):
        return None
    host = f"[{host}]" if ":" in host else host
    rest = url.partition("//")[2][len(netloc) :]
    port_part = f":{port}" if port is not None else ""
    return f"{parts.scheme.lower()}://{host}{port_part}{quote(rest, safe=_LINK_SAFE, errors='surrogatepass')}"
