"""Bad article files are refused with a reason; good ones are decoded, whatever their encoding."""

from __future__ import annotations

import pytest

from committee.importer.reading import MAX_BYTES, ArticleRefused, decode_article, read_article

ARABIC = "اختتمت اليوم بمراكش أشغال الدورة الثانية للندوة العلمية المغربية الاسبانية في مجال الأمن."


def test_a_missing_path_is_refused(tmp_path):
    with pytest.raises(ArticleRefused, match="no such file"):
        read_article(tmp_path / "absent.txt")


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(ArticleRefused, match="is a directory"):
        read_article(tmp_path)


@pytest.mark.parametrize("content", [b"", b"   \n\t  \r\n", "\u00a0\u2003\n".encode()])
def test_an_empty_or_blank_file_is_refused(tmp_path, content):
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleRefused, match=r"empty|white space"):
        read_article(path)


def test_a_file_with_nul_bytes_is_refused_as_binary(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + ARABIC.encode())
    with pytest.raises(ArticleRefused, match="NUL"):
        read_article(path)


def test_binary_noise_without_nul_bytes_is_refused(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(1, 256)) * 20)
    with pytest.raises(ArticleRefused, match="does not look like text"):
        read_article(path)


def test_a_file_over_two_megabytes_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(("أ" * (MAX_BYTES // 2 + 10)).encode())
    with pytest.raises(ArticleRefused, match="2 MB"):
        read_article(path)


def test_windows_1256_text_is_read_and_said_so(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes(ARABIC.encode("cp1256"))
    article = read_article(path)
    assert article.text == ARABIC
    assert article.encoding == "windows-1256"
    assert "Windows-1256" in article.notes[0]


def test_utf8_with_a_byte_order_mark_loses_only_the_mark(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARABIC.encode())
    article = read_article(path)
    assert article.text == ARABIC
    assert article.notes == ()


def test_latin1_french_that_is_not_utf8_is_not_mistaken_for_arabic():
    with pytest.raises(ArticleRefused):
        decode_article("\x01\x02 ÿþý".encode("latin-1") * 50)


SPANISH = "La Policía Nacional y la DGSN detuvieron en Algeciras a los dueños de una red; señaló el ministro."
FRENCH = "Le séminaire maroco-espagnol s'est tenu à Tanger ; les délégués ont évoqué la sûreté."


@pytest.mark.parametrize(("text", "code_page"), [(SPANISH, "cp1252"), (FRENCH, "latin-1")])
def test_latin_text_that_is_not_utf8_is_read_as_western_european_not_as_arabic(
    tmp_path, text, code_page
):
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(code_page))
    article = read_article(path)
    assert article.text == text  # «ñ», «í», «é», «û» kept, no Arabic letter made up
    assert article.encoding == "windows-1252"
    assert "Windows-1252" in article.notes[0]


def test_arabic_with_a_latin_acronym_is_still_read_as_windows_1256():
    text = ARABIC + " DGSN " + ARABIC
    article = decode_article(text.encode("cp1256"))
    assert article.text == text
    assert article.encoding == "windows-1256"
