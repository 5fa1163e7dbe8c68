from __future__ import annotations

from datetime import UTC, datetime

import pytest

from warlog.errors import EmptyInput, InputError
from warlog.ingest.feeds import fragment_text, looks_like_feed, read_feed
from warlog.ingest.reader import DocumentInput

RSS = b"""<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Test Wire</title>
<item><title>Strike on depot</title><link>http://wire.test/1</link>
<pubDate>Mon, 04 Jul 2022 09:30:00 +0300</pubDate>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>A strike hit a fuel depot on Monday.</p>
<p>Two workers were hurt.</p>]]></content:encoded>
</item>
<item><title>Empty</title><link>http://wire.test/2</link><description></description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Test</title>
<entry><title>Clashes reported</title><link href="http://atom.test/a"/><id>urn:a</id>
<updated>2022-07-05T10:00:00Z</updated><summary>Clashes were reported near the border.</summary></entry>
</feed>"""


def test_rss_entry_uses_full_content_and_feed_title_as_source():
    first, second = list(read_feed(RSS, name="wire.rss"))
    assert isinstance(first, DocumentInput)
    assert first.text == "A strike hit a fuel depot on Monday.\nTwo workers were hurt."
    assert (first.title, first.url, first.source) == ("Strike on depot", "http://wire.test/1", "Test Wire")
    assert first.published == datetime(2022, 7, 4, 6, 30, tzinfo=UTC)
    assert isinstance(second, EmptyInput)


def test_atom_entry_falls_back_to_summary():
    (entry,) = list(read_feed(ATOM, name="a.atom"))
    assert entry.text == "Clashes were reported near the border."
    assert entry.name == "a.atom#urn:a"


def test_garbage_is_not_a_feed():
    with pytest.raises(InputError, match="not a readable RSS/Atom feed"):
        list(read_feed(b"\x89PNG not xml at all <<<", name="x.rss"))


def test_feed_sniffing_reads_the_root_element():
    assert looks_like_feed(RSS)
    assert not looks_like_feed(b"<?xml version='1.0'?><svg></svg>")


def test_fragment_text_drops_scripts():
    assert fragment_text("<p>Hello</p><script>alert(1)</script>") == "Hello"
