"""Text from a voting record made safe for a notebook's markdown cells.

A record (an official UN file, or an instructor's copy of it) is untrusted
text: a title, symbol, link or file name can hold HTML (``<img onerror=…>``),
markdown (links, emphasis, ``~~``), ``$`` (typeset as LaTeX by Jupyter),
bidirectional controls that reorder what is shown, or bytes that are not
valid Unicode. :func:`md_text` turns such text into plain markdown text,
:func:`md_link` accepts only a well-formed http(s) address, and
:func:`md_code` puts text in a code span only when it cannot break out of it.

Examples
--------
>>> md_text('<img src=x onerror="alert(1)"> $x$ ~~gone~~')
'&lt;img src=x onerror="alert(1)"&gt; \\\\$x\\\\$ \\\\~\\\\~gone\\\\~\\\\~'
>>> md_link("javascript:alert(1)") is None
True
>>> md_link("https://digitallibrary.un.org/record/4060887")
'<https://digitallibrary.un.org/record/4060887>'
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from urllib.parse import urlsplit

__all__ = ["about_section", "md_code", "md_link", "md_text"]

#: Characters with a meaning in markdown (CommonMark, GFM, Jupyter's ``$`` maths).
_MARKDOWN = re.compile(r"([\\`*_\[\]#|$~<>])")
_SAFE_CODE = re.compile(r"[A-Za-z0-9 ./_()',-]*")
_HOST = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?"
                   r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*")
_URL_CHARS = re.compile(r"[A-Za-z0-9._~:/?#@!&'()*+,;=%-]+")


def plain(text: object) -> str:
    """``text`` as one line of visible characters.

    Control and format characters (bidirectional overrides and isolates,
    zero-width characters, NUL ...) are removed, lone surrogates (bytes that
    were not UTF-8) become U+FFFD, and runs of white space become one space.

    Examples
    --------
    >>> plain("A/RES/\\u202e1/08\\n  x\\ud800")
    'A/RES/1/08 x\\ufffd'
    """
    value = str(text)
    out = []
    for ch in value:
        cat = unicodedata.category(ch)
        if cat == "Cs":
            out.append("\ufffd")
        elif cat in {"Cc", "Cf"} and ch not in "\t\n\r":
            continue
        else:
            out.append(ch)
    return " ".join("".join(out).split())


def md_text(text: object) -> str:
    """Record text shown as itself in markdown: no HTML, no markup, no maths.

    ``&``, ``<`` and ``>`` become entities and every other character that
    inline markdown or Jupyter's maths could read (``\\ ` * _ [ ] # | $ ~``)
    is escaped with a backslash; see :func:`plain` for the rest. (A link
    needs ``[`` and ``]``, an image ``![``: both are escaped.)

    Examples
    --------
    >>> md_text("[click](javascript:alert(1))")
    '\\\\[click\\\\](javascript:alert(1))'
    """
    value = plain(text).replace("&", "&amp;")
    value = _MARKDOWN.sub(r"\\\1", value)
    return value.replace("\\<", "&lt;").replace("\\>", "&gt;")


def md_link(url: object) -> str | None:
    """A markdown autolink ``<url>`` for a well-formed http(s) address, else ``None``.

    Well formed: the scheme is http or https, the host is a DNS name (letters,
    digits, hyphens and dots) with an optional port, and every character is
    one allowed in an address (no space, quote, angle bracket or backslash).

    Examples
    --------
    >>> md_link("https://example.org/a b") is None, md_link("http:///x") is None
    (True, True)
    """
    text = str(url).strip() if url is not None else ""
    if not text or len(text) > 2000 or not _URL_CHARS.fullmatch(text):
        return None
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return None
    del port
    if parts.scheme.lower() not in {"http", "https"} or parts.username or parts.password:
        return None
    if not parts.hostname or not _HOST.fullmatch(parts.hostname):
        return None
    return f"<{text}>"


def md_code(text: object) -> str:
    """``text`` in a code span when that is safe, else as escaped text (:func:`md_text`).

    Examples
    --------
    >>> md_code("ut.load_votes('A/RES/68/262')")
    "`ut.load_votes('A/RES/68/262')`"
    >>> md_code("x`<b>")
    'x\\\\`&lt;b&gt;'
    """
    value = plain(text)
    if value and _SAFE_CODE.fullmatch(value):
        return f"`{value}`"
    return md_text(value)


#: A meeting record's symbol as the UN writes it (A/79/PV.1, A/ES-11/PV.23): only such a
#: symbol becomes a link to the UN's document system.
_MEETING_SYMBOL = re.compile(r"A/(?:ES-\d{1,2}/|S-\d{1,2}/)?\d{0,3}/?PV\.\d{1,4}")


def about_section(*, agenda: str, subjects: str, meeting: str, record_page: str,
                  draft: str) -> str:
    """A lesson's "About the resolution" section: what the record says, then blanks.

    Every value comes from the record and is escaped (:func:`md_text`); the
    meeting record becomes a link only when it is a UN meeting symbol, the
    record page only when it is a well-formed http(s) address.

    Examples
    --------
    >>> text = about_section(agenda="Ukraine", subjects="A|B", meeting="A/79/PV.1",
    ...                      record_page="javascript:x", draft="A/79/L.1")
    >>> "<https://undocs.org/A/79/PV.1>" in text, "javascript" in text
    (True, False)
    """
    topics = [md_text(x) for x in subjects.split("|") if x.strip()]
    where = "not given in the file (the record page links it)"
    if meeting:
        link = (md_link(f"https://undocs.org/{meeting}")
                if _MEETING_SYMBOL.fullmatch(meeting) else None)
        where = md_text(meeting) + (f" ({link})" if link else "")
    page = md_link(record_page)
    draft = md_text(draft) if draft else "the draft"
    return textwrap.dedent(f"""\
        ## About the resolution

        - **Agenda item** (from the record): {md_text(agenda) or "not given in the record"}
        - **Subjects** (UN Library): {"; ".join(topics) or "not given in the record"}
        - **Meeting record**: {where}. It holds the debate, every explanation of vote
          and what the President announced, including which majority applied.
        - **Record page**: {page or "not given"}

        *For the instructor: fill in the three parts below before class (they are the
        lesson's context; the rest of the notebook computes itself).*

        ### What the text says

        *Instructor:* in two or three sentences, what the resolution asks for or decides,
        and its most debated paragraph (read {draft} or the adopted text):
        ______________________________________________________________

        ### Positions of key states

        *Instructor:* two or three states that explained their votes, each in a sentence
        with its source (the meeting record has every explanation of vote):
        ______________________________________________________________

        ### Sources to read

        *Instructor:* the adopted text, the meeting record, and one report from each side:
        ______________________________________________________________
        """)
