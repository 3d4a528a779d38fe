"""OFAC's feature and identifier labels and the entity property each one feeds.

OFAC writes the same labels in two places: as ``idType`` in the XML ``idList``
and as the leading words of a remarks fragment in the legacy CSV files
("Passport A1234567 (Russia)"). This table serves both parsers.

Labels fall into four groups:

* :data:`ID_LABELS` - identifiers; the value may carry an issuing country in
  parentheses and "issued"/"expires" dates.
* :data:`VALUE_LABELS` - plain facts copied as they are (or as a date).
* :data:`LISTING_DATE_LABELS` - dates that belong to the listing, not to the entity
  (the CMIC listing / effective / divestment dates and the directive dates).
* :data:`SANCTION_INFO_LABELS` - statements about the sanction itself (secondary
  sanctions risk, directive determinations), kept on the listing.
"""

from __future__ import annotations

#: identifier label -> entity property
ID_LABELS: dict[str, str] = {
    # personal documents
    "Passport": "passportNumber",
    "Diplomatic Passport": "passportNumber",
    "Passport No.": "passportNumber",
    "National ID No.": "idNumber",
    "National Foreign ID Number": "idNumber",
    "Identification Number": "idNumber",
    "Cedula No.": "idNumber",
    "C.U.R.P.": "idNumber",
    "CURP #": "idNumber",
    "D.N.I.": "idNumber",
    "DNI": "idNumber",
    "Citizen's Card Number": "idNumber",
    "Birth Certificate Number": "idNumber",
    "Driver's License No.": "idNumber",
    "Personal ID Card": "idNumber",
    "Residency Number": "idNumber",
    "Refugee ID Card": "idNumber",
    "Electoral Registry No.": "idNumber",
    "Kenyan ID No.": "idNumber",
    "Bosnian Personal ID No.": "idNumber",
    "Turkish Identification Number": "idNumber",
    "Stateless Person ID Card": "idNumber",
    "Stateless Person Passport": "passportNumber",
    "Travel Document Number": "passportNumber",
    "Seafarer's Identification Document": "idNumber",
    "Military ID No.": "idNumber",
    "Moroccan Personal ID No.": "idNumber",
    "Public Security and Immigration No.": "idNumber",
    "Numero Unico de Identificacao Tributaria (NUIT)": "taxNumber",
    "Immigration No.": "idNumber",
    "Social Security Number": "idNumber",
    "SSN": "idNumber",
    "Personal Numerical Code": "idNumber",
    "NIE": "idNumber",
    "UAE Identification": "idNumber",
    "Afghan Money Service Provider License Number": "registrationNumber",
    "Chinese Commercial Code": "idNumber",
    "Serial No.": "idNumber",
    "Pilot License Number": "idNumber",
    "Matricula Consular No.": "idNumber",
    "Romanian Permanent Resident": "idNumber",
    "Romanian C.R.": "registrationNumber",
    "C.U.I.": "idNumber",
    "Cartilla de Servicio Militar Nacional": "idNumber",
    "Numero de Identidad": "idNumber",
    "Credencial electoral": "idNumber",
    "I.F.E.": "idNumber",
    "Tazkira National ID Card": "idNumber",
    "VisaNumberID": "idNumber",
    "Permit Number": "idNumber",
    "SRE Permit No.": "idNumber",
    "File Number": "idNumber",
    "LE Number": "idNumber",
    "Aircraft Serial Identification": "serialNumber",
    "Italian Fiscal Code": "taxNumber",
    "Fiscal Code": "taxNumber",
    # tax numbers
    "Tax ID No.": "taxNumber",
    "NIT #": "taxNumber",
    "RUC #": "taxNumber",
    "R.U.C. #": "taxNumber",
    "RFC": "taxNumber",
    "R.F.C.": "taxNumber",
    "RIF #": "taxNumber",
    "RTN": "taxNumber",
    "CUIT": "taxNumber",
    "C.U.I.T.": "taxNumber",
    "US FEIN": "taxNumber",
    "Paraguayan tax identification number": "taxNumber",
    "NIF #": "taxNumber",
    "V.A.T. Number": "taxNumber",
    "Tax ID No. (INN)": "innCode",
    # company registers
    "Registration Number": "registrationNumber",
    "Registration ID": "registrationNumber",
    "Business Registration Number": "registrationNumber",
    "Business Registration Document #": "registrationNumber",
    "Business Number": "registrationNumber",
    "Company Number": "registrationNumber",
    "UK Company Number": "registrationNumber",
    "Commercial Registry Number": "registrationNumber",
    "Commercial Registration Number": "registrationNumber",
    "C.R. No.": "registrationNumber",
    "Chamber of Commerce Number": "registrationNumber",
    "Istanbul Chamber of Comm. No.": "registrationNumber",
    "Dubai Chamber of Commerce Membership No.": "registrationNumber",
    "Trade License No.": "registrationNumber",
    "License": "registrationNumber",
    "Public Registration Number": "registrationNumber",
    "Government Gazette Number": "registrationNumber",
    "Folio Mercantil No.": "registrationNumber",
    "Matricula Mercantil No": "registrationNumber",
    "Matricula Mercantil No.": "registrationNumber",
    "Central Registration System Number": "registrationNumber",
    "Economic Register Number (CBLS)": "registrationNumber",
    "Unified Social Credit Code (USCC)": "registrationNumber",
    "United Social Credit Code Certificate (USCCC)": "registrationNumber",
    "Organization Code": "registrationNumber",
    "Certificate of Incorporation Number": "registrationNumber",
    "Enterprise Number": "registrationNumber",
    "Trade Registry Number": "registrationNumber",
    "Legal Entity Number": "leiCode",
    "D-U-N-S Number": "dunsCode",
    "SWIFT/BIC": "swiftBic",
    "BIK (RU)": "bikCode",
    "Tax ID No. (RU)": "innCode",
    "Branch Unit Number": "registrationNumber",
    "Registered Charity No.": "registrationNumber",
    "Aircraft Manufacturer's Serial Number (MSN)": "serialNumber",
    "Aircraft Construction Number (also called L/N or S/N or F/N)": "serialNumber",
    "Aircraft Tail Number": "registrationNumber",
    "Aircraft Mode S Transponder Code": "idNumber",
    "Vessel Registration Identification": "imoNumber",
    "MMSI": "mmsi",
    "Phone Number": "phone",
    "PHONE": "phone",
    "Telephone": "phone",
    "Telephone No.": "phone",
    "Fax": "phone",
    "Fax No.": "phone",
    "Email Address": "email",
    "Website": "website",
    "ISIN": "isin",
    "Equity Ticker": "ticker",
}

#: plain fact label -> (entity property, kind); kind "date" parses the value as a date,
#: "country" resolves it to an ISO code, "name" adds a name, "text" copies it.
VALUE_LABELS: dict[str, tuple[str, str]] = {
    "Organization Established Date": ("incorporationDate", "date"),
    "Organization Type": ("sector", "text"),
    "Target Type": ("classification", "text"),
    "Issuer Name": ("alias", "name"),
    "Aircraft Manufacture Date": ("buildDate", "date"),
    "Aircraft Model": ("model", "text"),
    "Aircraft Operator": ("operator", "text"),
    "Previous Aircraft Tail Number": ("registrationNumber", "text"),
    "Vessel Year of Build": ("buildDate", "date"),
    "Vessel Type": ("type", "text"),
    "Other Vessel Type": ("type", "text"),
    "Position": ("position", "text"),
    "Alternate Title,": ("position", "text"),
    "Vessel Flag": ("flag", "country"),
    "Former Vessel Flag": ("pastFlags", "country"),
    "Nationality of Registration": ("country", "country"),
    "Gender": ("gender", "gender"),
    "Place of Registration": ("jurisdiction", "country"),
    "Nationality": ("nationality", "country"),
    "Citizenship": ("citizenship", "country"),
}

#: listing date labels -> key on the listing (``listed_on`` or a key in ``extra``)
LISTING_DATE_LABELS: dict[str, str] = {
    "Listing Date (CMIC)": "listed_on",
    "Effective Date (CMIC)": "effective_date",
    "Purchase/Sales For Divestment Date (CMIC)": "divestment_date",
}

#: statements about the sanction; kept in ``Listing.extra`` under these keys
SANCTION_INFO_LABELS: dict[str, str] = {
    "Secondary sanctions risk": "secondary_sanctions_risk",
    "Additional Sanctions Information -": "additional_sanctions_information",
    (
        "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions"
    ): "transactions_prohibited",
    "Executive Order 13662 Directive Determination -": "eo13662_directive",
    "Executive Order 13846 information": "eo13846_information",
    "Executive Order 14024 Directive Information -": "eo14024_directive",
    "Executive Order 14024 Directive Information": "eo14024_directive",
    "Executive Order 14014 Directive Information": "eo14014_directive",
    "Executive Order 14059 information": "eo14059_information",
    "Executive Order 13224 information": "eo13224_information",
    "CAATSA Section 235 Information": "caatsa_235",
    "For more information, please see": "information_url",
    "For more information on directives, please visit the following link": "information_url",
    "IFCA Determination -": "ifca_determination",
}

#: whole fragments that are a military or police rank (an individual's ``title``)
RANKS: frozenset[str] = frozenset(
    (
        "general",
        "major general",
        "brigadier general",
        "lieutenant general",
        "colonel",
        "lieutenant colonel",
        "brigadier",
        "major",
        "captain",
        "lieutenant",
        "admiral",
        "vice admiral",
        "rear admiral",
        "commodore",
        "field marshal",
        "air marshal",
    )
)

#: whole fragments that state the scope of a listing ("all offices worldwide")
SCOPE_PHRASES: tuple[str, ...] = (
    "all offices worldwide",
    "all branches worldwide",
    "and all other locations worldwide",
    "all locations worldwide",
)
