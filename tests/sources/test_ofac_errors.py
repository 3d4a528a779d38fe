"""Broken OFAC files give a clear SourceError naming the file, never a partial list."""

from __future__ import annotations

import gc
import gzip
from pathlib import Path

import pytest

from tamis.errors import EmptySourceError, ParseError, UnsafeXMLError
from tamis.sources import get_source

LISTS = Path(__file__).resolve().parents[1] / "data" / "lists"
SDN_2021 = LISTS / "ofac_sdn" / "snapshots" / "2021-04-25"
CONS_XML = LISTS / "ofac_cons" / "snapshots" / "2024-05-06" / "consolidated.xml"

GOOD_ROW = (
    b'306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    b"\"a.k.a. 'BNC'.\"\r\n"
)


def _sdn(tmp_path: Path, content: bytes, **others: bytes) -> dict[str, Path]:
    files = {"sdn.csv": tmp_path / "sdn.csv"}
    files["sdn.csv"].write_bytes(content)
    for name, data in others.items():
        path = tmp_path / f"{name}.csv"
        path.write_bytes(data)
        files[f"{name}.csv"] = path
    return files


def _parse_sdn(files: dict[str, Path]):
    return get_source("ofac_sdn").parse(files)


def _parse_xml(tmp_path: Path, content: bytes):
    path = tmp_path / "consolidated.xml"
    path.write_bytes(content)
    return get_source("ofac_cons").parse({"consolidated.xml": path})


def test_empty_sdn_csv(tmp_path: Path) -> None:
    with pytest.raises(EmptySourceError, match="sdn.csv"):
        _parse_sdn(_sdn(tmp_path, b""))
    with pytest.raises(EmptySourceError):
        _parse_sdn(_sdn(tmp_path, b"\r\n\x1a"))
    with pytest.raises(EmptySourceError, match="no records"):
        _parse_sdn(_sdn(tmp_path, b'""\r\n""\r\n'))


def test_wrong_column_count_names_file_and_line(tmp_path: Path) -> None:
    content = GOOD_ROW + b'36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA"\r\n'
    with pytest.raises(ParseError, match=r"sdn\.csv, line 2: expected 12 columns, found 4"):
        _parse_sdn(_sdn(tmp_path, content))


def test_binary_garbage_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="binary data"):
        _parse_sdn(_sdn(tmp_path, GOOD_ROW + b"\x00\x01\x02garbage\xff\xfe"))
    with pytest.raises(ParseError, match="binary data"):
        _parse_sdn(_sdn(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + GOOD_ROW))


def test_damaged_gzip_is_refused(tmp_path: Path) -> None:
    damaged = gzip.compress(GOOD_ROW * 50)[:40] + b"\x00" * 30
    with pytest.raises(ParseError, match="gzip"):
        _parse_sdn(_sdn(tmp_path, damaged))


def test_cp1252_text_is_accepted(tmp_path: Path) -> None:
    row = GOOD_ROW.replace(b"BANCO NACIONAL", b"BANCO NACI\xd3NAL")  # cp1252 O-acute
    (entity,) = _parse_sdn(_sdn(tmp_path, row)).entities
    assert entity.get("name") == ["BANCO NACIÓNAL DE CUBA"]


def test_record_number_must_be_an_integer(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match=r"sdn\.csv, line 2: record number 'X306'"):
        _parse_sdn(_sdn(tmp_path, GOOD_ROW + b"X" + GOOD_ROW))


def test_a_header_row_is_refused(tmp_path: Path) -> None:
    header = (
        b"ent_num,SDN_Name,SDN_Type,Program,Title,Call_Sign,Vess_type,Tonnage,GRT,"
        b"Vess_flag,Vess_owner,Remarks\r\n"
    )
    with pytest.raises(ParseError, match=r"sdn\.csv, line 1: a header row"):
        _parse_sdn(_sdn(tmp_path, header + GOOD_ROW))


def test_duplicate_record_number(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="appears twice"):
        _parse_sdn(_sdn(tmp_path, GOOD_ROW + GOOD_ROW))


def test_unknown_record_type(tmp_path: Path) -> None:
    row = GOOD_ROW.replace(b'-0- ,"CUBA"', b'"spaceship","CUBA"', 1)
    with pytest.raises(ParseError, match="unknown record type 'spaceship'"):
        _parse_sdn(_sdn(tmp_path, row))


def test_unknown_alias_type(tmp_path: Path) -> None:
    alt = b'306,220,"aka","NATIONAL BANK OF CUBA",-0- \r\n306,221,"xyz","X",-0- \r\n'
    with pytest.raises(ParseError, match=r"alt\.csv, line 2: unknown alternate name type"):
        _parse_sdn(_sdn(tmp_path, GOOD_ROW, alt=alt))


def test_bad_address_file(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match=r"add\.csv, line 1: expected 6 columns"):
        _parse_sdn(_sdn(tmp_path, GOOD_ROW, add=b'306,199,"Zweierstrasse 35"\r\n'))


def test_spillover_file_completes_cut_remarks(tmp_path: Path) -> None:
    row = GOOD_ROW.replace(b"a.k.a. 'BNC'.", b"a.k.a. 'BNC'; Linked To: BANCO DE")
    comments = b'306," CUBA S.A."\r\n'
    (entity,) = _parse_sdn(_sdn(tmp_path, row, sdn_comments=comments)).entities
    assert entity.get("linkedTo") == ["BANCO DE CUBA S.A."]
    assert entity.listings[0].remarks == "a.k.a. 'BNC'; Linked To: BANCO DE CUBA S.A."


def test_truncated_sdn_csv_is_refused(tmp_path: Path) -> None:
    data = gzip.decompress((SDN_2021 / "sdn.csv.gz").read_bytes())
    cut = data[: len(data) // 2]
    cut = cut[: cut.rindex(b",")]  # in the middle of a record
    with pytest.raises(ParseError, match="sdn.csv, line"):
        _parse_sdn(_sdn(tmp_path, cut))


def test_truncated_xml(tmp_path: Path) -> None:
    data = CONS_XML.read_bytes()
    with pytest.raises(ParseError, match="consolidated.xml: not well-formed XML"):
        _parse_xml(tmp_path, data[: len(data) // 2])


def test_xml_external_entity_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE sdnList [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<sdnList><sdnEntry><uid>1</uid><lastName>&x;</lastName><sdnType>Entity</sdnType>"
        "</sdnEntry></sdnList>"
    ).encode()
    with pytest.raises(UnsafeXMLError):
        _parse_xml(tmp_path, xxe)


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    entities = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    )
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE sdnList [{entities}]>'
        "<sdnList><sdnEntry><uid>1</uid><lastName>&l9;</lastName>"
        "<sdnType>Entity</sdnType></sdnEntry></sdnList>"
    ).encode()
    with pytest.raises(UnsafeXMLError):
        _parse_xml(tmp_path, bomb)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("<lastName>X</lastName><sdnType>Entity</sdnType>", "missing <uid>"),
        ("<uid>7</uid><sdnType>Entity</sdnType>", r"uid 7\): missing <lastName>"),
        ("<uid>7</uid><lastName>X</lastName>", r"uid 7\): missing <sdnType>"),
        ("<uid>x7</uid><lastName>X</lastName><sdnType>Entity</sdnType>", "not an integer"),
        ("<uid>7</uid><lastName>X</lastName><sdnType>Robot</sdnType>", "unknown record type"),
    ],
)
def test_missing_required_xml_elements(tmp_path: Path, entry: str, message: str) -> None:
    ns = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML"
    xml = f'<sdnList xmlns="{ns}"><sdnEntry>{entry}</sdnEntry></sdnList>'.encode()
    with pytest.raises(ParseError, match=message):
        _parse_xml(tmp_path, xml)


def test_wrong_root_element(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="expected <sdnList>"):
        _parse_xml(tmp_path, b"<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>")


def test_empty_xml(tmp_path: Path) -> None:
    with pytest.raises(EmptySourceError):
        _parse_xml(tmp_path, b"  \n")
    with pytest.raises(EmptySourceError, match="no <sdnEntry>"):
        _parse_xml(tmp_path, b"<sdnList><publshInformation/></sdnList>")


def test_duplicate_uid_in_xml(tmp_path: Path) -> None:
    entry = "<sdnEntry><uid>7</uid><lastName>X</lastName><sdnType>Entity</sdnType></sdnEntry>"
    with pytest.raises(ParseError, match="sdnEntry 2: uid 7 appears twice"):
        _parse_xml(tmp_path, f"<sdnList>{entry}{entry}</sdnList>".encode())


def test_record_count_mismatch_is_a_warning(tmp_path: Path) -> None:
    data = CONS_XML.read_bytes().replace(b"<Record_Count>443<", b"<Record_Count>444<")
    parsed = _parse_xml(tmp_path, data)
    assert len(parsed.entities) == 443
    assert parsed.warnings == ["consolidated.xml: Record_Count says 444, the file holds 443"]


def test_no_main_file(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="consolidated.xml or cons_prim.csv"):
        get_source("ofac_cons").parse({})


def test_the_garbage_collector_is_back_after_a_failed_parse(tmp_path: Path) -> None:
    assert gc.isenabled()
    with pytest.raises(ParseError):
        _parse_sdn(_sdn(tmp_path, GOOD_ROW + GOOD_ROW))
    assert gc.isenabled()
    with pytest.raises(ParseError):
        _parse_xml(tmp_path, b"<sdnList><sdnEntry><uid>1</uid></sdnEntry></sdnList>")
    assert gc.isenabled()
