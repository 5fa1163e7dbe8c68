"""Bad input gets a clear InputError for that document."""

from __future__ import annotations

import pytest

from warlog.errors import BinaryInput, EmptyInput, InputTooLarge, UnsupportedLanguage
from warlog.ingest.validate import check_text, decode_bytes, guess_language

ENGLISH = "Shelling hit the town overnight and two people were wounded, the local governor said on Monday."


def test_empty_and_whitespace_text_is_rejected():
    with pytest.raises(EmptyInput):
        check_text("   \n\t ")


def test_nul_bytes_mean_binary():
    with pytest.raises(BinaryInput):
        decode_bytes(b"PK\x03\x04\x00\x00binary")


def test_control_characters_mean_binary():
    with pytest.raises(BinaryInput):
        check_text("\x01\x02\x03\x04" * 50 + ENGLISH)


def test_text_over_the_limit_is_rejected_with_the_limit_named():
    with pytest.raises(InputTooLarge, match="100"):
        check_text(ENGLISH * 10, max_chars=100)


def test_cyrillic_text_is_not_english():
    with pytest.raises(UnsupportedLanguage, match="cyrillic"):
        check_text("Ракетный удар по городу ночью, погибли три человека, сообщил губернатор области.")


def test_french_text_is_not_english():
    assert guess_language("Des frappes de missiles ont touché la ville pendant la nuit selon le gouverneur "
                          "régional qui parle aux médias locaux.") != "en"


def test_english_text_passes_and_declared_english_skips_detection():
    assert check_text(ENGLISH) == ENGLISH
    assert check_text("Kharkiv Kyiv Odesa Mykolaiv Sumy Chernihiv", language="en")


def test_latin1_bytes_are_decoded_not_rejected():
    assert decode_bytes("Café strike".encode("cp1252")) == "Café strike"
