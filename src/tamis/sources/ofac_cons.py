"""OFAC Consolidated (non-SDN) Sanctions List: NS-CMIC, NS-MBS, SSI, FSE, NS-PLC, ...

Read from CONSOLIDATED.XML (sdnList schema, old or new namespace) or from the
legacy CSV set cons_prim.csv / cons_add.csv / cons_alt.csv / cons_comments.csv
(an empty cons_comments.csv is normal). When a directory holds both, the XML is
used: it carries the publication date and the weak/strong alias categories.
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
class OfacConsolidated(Source):
    name = "ofac_cons"
    title = "OFAC Consolidated Sanctions List (non-SDN lists)"
    publisher = "US Treasury, Office of Foreign Assets Control"
    #: consolidated.xml is read when present; the legacy CSV set otherwise
    urls: ClassVar[dict[str, str]] = {
        "consolidated.xml": f"{BASE_URL}/CONSOLIDATED.XML",
        "cons_prim.csv": f"{BASE_URL}/CONS_PRIM.CSV",
        "cons_add.csv": f"{BASE_URL}/CONS_ADD.CSV",
        "cons_alt.csv": f"{BASE_URL}/CONS_ALT.CSV",
        "cons_comments.csv": f"{BASE_URL}/CONS_COMMENTS.CSV",
    }
    required_files = ()
    lists = ("ofac_cons",)

    def find_files(self, directory: Path) -> dict[str, Path]:
        found = find_named_files(directory, tuple(self.urls))
        if "consolidated.xml" in found:  # the XML wins; the CSV set is not read
            return {"consolidated.xml": found["consolidated.xml"]}
        return found

    def parse(self, files: dict[str, Path]) -> ParsedList:
        if "consolidated.xml" in files:
            url = self.urls["consolidated.xml"]
            parsed = parse_sdn_xml(files["consolidated.xml"], "ofac_cons", url)
            return ParsedList(
                source=self.name,
                entities=parsed.entities,
                published=parsed.published,
                files=dict(files),
                warnings=parsed.warnings,
            )
        if "cons_prim.csv" in files:
            csv_set = CsvSet(
                main=files["cons_prim.csv"],
                add=files.get("cons_add.csv"),
                alt=files.get("cons_alt.csv"),
                comments=files.get("cons_comments.csv"),
            )
            entities = parse_csv_set(csv_set, "ofac_cons", self.urls["cons_prim.csv"])
            return ParsedList(source=self.name, entities=entities, files=dict(files))
        raise ParseError(f"{self.name}: needs consolidated.xml or cons_prim.csv")
