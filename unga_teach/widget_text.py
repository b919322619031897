"""Widget text that reads as text: single-spaced, whatever JupyterLab's widget CSS says.

ipywidgets gives the content of every ``HTML`` widget the line height of a
control (``--jp-widgets-inline-height``, 28 px), so a paragraph that wraps
looks double-spaced. :class:`TextHTML` is an ``ipywidgets.HTML`` whose value is
wrapped once in a ``<div>`` with a reading line height (an inline style, which
JupyterLab keeps in trusted and untrusted notebooks alike).

Examples
--------
>>> w = TextHTML("<p>Two lines of text.</p>")
>>> w.value
'<div class="ut-text" style="line-height:1.45">\
<p>Two lines of text.</p></div>'
>>> w.value = w.value  # wrapped once only
>>> w.value.count("ut-text")
1
>>> TextHTML("").value
''
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import traitlets

#: The opening of the wrapper; a value that starts with it is not wrapped again.
TEXT_START = '<div class="ut-text" style="line-height:1.45">'


def single_spaced(html: str) -> str:
    """Wrap HTML in :data:`TEXT_START` (once; empty text stays empty).

    Examples
    --------
    >>> single_spaced("")
    ''
    >>> single_spaced(single_spaced("x")) == single_spaced("x")
    True
    """
    if not html or html.startswith(TEXT_START):
        return html
    return f"{TEXT_START}{html}</div>"


class TextHTML(widgets.HTML):  # type: ignore[misc]
    """An ``ipywidgets.HTML`` whose text is single-spaced (see the module)."""

    @traitlets.validate("value")
    def _single_spaced(self, proposal: dict[str, Any]) -> str:
        return single_spaced(str(proposal["value"]))
