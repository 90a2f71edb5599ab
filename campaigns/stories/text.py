"""The plain text contributors write and the rich text a story page stores."""

from html import unescape

from django.utils.html import escape, strip_tags


def text_to_html(text):
    """Plain text from the form as safe rich text: blank lines make paragraphs."""
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(
        "<p>{}</p>".format(escape(part).replace("\n", "<br/>")) for part in paragraphs if part
    )


def html_to_text(html):
    """The reverse of text_to_html, for the contributor's edit form."""
    text = html.replace("<br/>", "\n").replace("<br>", "\n").replace("</p>", "\n\n")
    return unescape(strip_tags(text)).strip()
