"""OFAC Specially Designated Nationals (SDN) list, from its legacy CSV set or SDN.XML.

The CSV set is sdn.csv (required) with add.csv, alt.csv and sdn_comments.csv
(optional; without them an entity lacks its addresses and strong aliases). A
directory holding sdn.xml instead is read with the sdnList XML parser; when both
are present the CSV set is used, since it is what OFAC's download addresses serve.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from tamis.errors import ParseError
from tamis.sources.base import ParsedList, Source, register
from tamis.sources.ofac_common import BASE_URL, find_named_files
from tamis.sources.ofac_csv import CsvSet, parse_csv_set
from tamis.sources.ofac_xml import parse_sdn_xml


@register
class OfacSdn(Source):
    name = "ofac_sdn"
    title = "OFAC Specially Designated Nationals and Blocked Persons (SDN)"
    publisher = "US Treasury, Office of Foreign Assets Control"
    urls: ClassVar[dict[str, str]] = {
        "sdn.csv": f"{BASE_URL}/SDN.CSV",
        "add.csv": f"{BASE_URL}/ADD.CSV",
        "alt.csv": f"{BASE_URL}/ALT.CSV",
        "sdn_comments.csv": f"{BASE_URL}/SDN_COMMENTS.CSV",
    }
    #: read instead of the CSV set when sdn.csv is absent
    alternatives: ClassVar[dict[str, str]] = {"sdn.xml": f"{BASE_URL}/SDN.XML"}
    required_files = ()
    lists = ("ofac_sdn",)

    def find_files(self, directory: Path) -> dict[str, Path]:
        found = find_named_files(directory, (*self.urls, *self.alternatives))
        if "sdn.csv" in found:  # the CSV set wins; sdn.xml is not read
            found.pop("sdn.xml", None)
        return found

    def parse(self, files: dict[str, Path]) -> ParsedList:
        if "sdn.csv" in files:
            csv_set = CsvSet(
                main=files["sdn.csv"],
                add=files.get("add.csv"),
                alt=files.get("alt.csv"),
                comments=files.get("sdn_comments.csv"),
            )
            entities = parse_csv_set(csv_set, "ofac_sdn", self.urls["sdn.csv"])
            return ParsedList(source=self.name, entities=entities, files=dict(files))
        if "sdn.xml" in files:
            parsed = parse_sdn_xml(files["sdn.xml"], "ofac_sdn", self.alternatives["sdn.xml"])
            return ParsedList(
                source=self.name,
                entities=parsed.entities,
                published=parsed.published,
                files=dict(files),
                warnings=parsed.warnings,
            )
        raise ParseError(f"{self.name}: needs sdn.csv (with add.csv, alt.csv) or sdn.xml")
