#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""office.py - CSV files as office programs save them, for the spreadsheet tests.

  office.py write DIR          writes every sample file into DIR
  office.py excel-open IN OUT  what Excel does to IN when opened and saved
                               again as "CSV UTF-8": a file without a BOM is
                               read as Windows-1252, dates are shown and saved
                               in the locale's short form

The rules come from how the programs behave: Excel's "CSV" writes the
Windows code page of the locale, with ';' where the decimal mark is a comma;
"CSV UTF-8" adds a BOM; "Unicode Text" is UTF-16LE with tabs; LibreOffice
writes the chosen character set and separator; Numbers and Google Sheets
write UTF-8 without a BOM. Each file is written by Python's codecs and csv.
"""
import csv
import io
import re
import sys

ROSTER = [
    ("José Müller", "jose@example.com", "Müller & Söhne"),
    ("Zoë Ó Briain", "zoe@example.com", "Ó Briain Ltd"),
    ("François Lefèvre", "francois@example.com", "Lefèvre, Père et Fils"),
]
WORLD = [
    ("Αλέξανδρος Παπαδόπουλος", "alex@example.com", "Ωmega"),
    ("Дмитрий Иванов", "dmitri@example.com", "Рога и копыта"),
    ("山田太郎", "taro@example.com", "株式会社山田"),
]


def table(rows, sep=",", quoting=csv.QUOTE_MINIMAL, eol="\r\n"):
    """Returns rows as CSV text, the way a spreadsheet writes them."""
    out = io.StringIO()
    w = csv.writer(out, delimiter=sep, quoting=quoting, lineterminator=eol)
    for row in rows:
        w.writerow(row)
    return out.getvalue()


def save(path, text, encoding, bom=False):
    """Writes text in an encoding, with the BOM the program puts first."""
    data = text.encode(encoding)
    if bom:
        data = "\ufeff".encode(encoding) + data
    with open(path, "wb") as f:
        f.write(data)


def write_all(d):
    header = ("Name", "E-mail", "Company")
    # Excel, German Windows, "CSV (Trennzeichen-getrennt)": cp1252 and ';'
    save(f"{d}/excel-de.csv", table([header] + ROSTER, ";"), "cp1252")
    # the cohort sheet of the same coach: a fee with a decimal comma
    save(f"{d}/cohorts-de.csv", table([
        ("Slug", "Name", "Coach", "Coach E-mail", "Time zone", "Fee", "Currency"),
        ("herbst", "Verkaufen mit Wert", "Jürgen Groß", "jg@example.com",
         "Europe/Berlin", "1.500,00", "EUR"),
        ("winter", "Verhandeln", "Jürgen Groß", "jg@example.com",
         "Europe/Berlin", "1500,00", "EUR"),
    ], ";"), "cp1252")
    # Excel, French Windows, "CSV UTF-8": BOM and ';'
    save(f"{d}/excel-utf8-fr.csv", table([header] + WORLD, ";"), "utf-8", bom=True)
    # Excel's hint line for other locales
    save(f"{d}/excel-sep.csv", "sep=;\r\n" + table([header] + ROSTER, ";"), "utf-8")
    # LibreOffice Calc, "Western Europe (ISO-8859-1)", ',' and every text quoted
    save(f"{d}/libreoffice-latin1.csv",
         table([header] + ROSTER, ",", csv.QUOTE_NONNUMERIC, "\n"), "iso-8859-1")
    # Excel "Unicode Text": UTF-16LE with its BOM, tabs
    save(f"{d}/excel-unicode.txt", table([header] + WORLD, "\t"), "utf-16-le", bom=True)
    # Google Sheets download: UTF-8, no BOM, ',' and CRLF
    save(f"{d}/sheets.csv", table([header] + WORLD + ROSTER), "utf-8")
    # Numbers, Spanish locale: UTF-8 without BOM and ';'
    save(f"{d}/numbers-es.csv", table([header] + ROSTER, ";", eol="\n"), "utf-8")
    # a schedule re-saved by Excel in a US and in a UK locale, two pairs at 9:00
    sched = ("Date", "Time", "Kind", "Title", "With")
    save(f"{d}/sched-us.csv", table([sched,
        ("3/4/2027", "9:00 AM", "practice", "Role play", "jose@example.com;zoe@example.com"),
        ("3/4/2027", "9:00 AM", "practice", "Role play", "francois@example.com;alex@example.com"),
        ("3/18/2027", "5:30 PM", "group", "Week 2", ""),
    ]), "utf-8")
    save(f"{d}/sched-uk.csv", table([sched,
        ("04/03/2027", "09:00", "practice", "Role play", "jose@example.com;zoe@example.com"),
        ("04/03/2027", "09:00", "practice", "Role play", "francois@example.com;alex@example.com"),
        ("18/03/2027", "17:30", "group", "Week 2", ""),
    ], ";"), "cp1252")
    save(f"{d}/sched-de.csv", table([("Start", "Kind", "Title"),
        ("04.03.2027 09:00", "group", "Auftakt"),
        ("25.03.2027 17:30", "group", "Woche 3"),
    ], ";"), "cp1252")
    write_languages(d)


# Rosters as coaches save them in their own language: (file, program's way, header, rows),
# each row (given, family, e-mail, company); "full" headers hold the whole name in one cell.
LANGUAGES = [
    # Excel, German Windows, "CSV (Trennzeichen-getrennt)": cp1252, ';', CRLF
    ("roster-de.csv", "cp1252", ";", ("Vorname", "Nachname", "E-Mail", "Firma"),
     [("Jürgen", "Müller", "jm@example.de", "Bäckerei Groß"),
      ("Anna-Lena", "Schön", "als@example.de", "Straßenbau AG")]),
    # Excel, French Windows: cp1252, ';', given name first
    ("roster-fr.csv", "cp1252", ";", ("Prénom", "Nom", "Adresse e-mail", "Société"),
     [("Hélène", "Lefèvre", "hl@example.fr", "Crédit Agricole"),
      ("François", "Dupré", "fd@example.fr", "Société Générale")]),
    # Excel, Spanish Windows: cp1252, ';'
    ("roster-es.csv", "cp1252", ";", ("Nombre", "Apellidos", "Correo electrónico", "Empresa"),
     [("José", "Núñez García", "jn@example.es", "Peñalara"),
      ("María", "Ibáñez", "mi@example.es", "Señorío")]),
    # Google Sheets, Portuguese list: UTF-8, ',', the whole name in one column
    ("roster-pt.csv", "utf-8", ",", ("nome", "email_institucional"),
     [("João Conceição", "", "jc@example.pt", ""),
      ("Inês Gonçalves", "", "ig@example.pt", "")]),
    # Excel, Italian Windows: cp1252, ';', family name in Cognome
    ("roster-it.csv", "cp1252", ";", ("Nome", "Cognome", "Indirizzo email", "Azienda"),
     [("Niccolò", "Fabbrì", "nf@example.it", "Caffè Sant'Eustachio")]),
    # Excel, Dutch Windows: cp1252, ';'
    ("roster-nl.csv", "cp1252", ";", ("Voornaam", "Achternaam", "E-mailadres", "Bedrijf"),
     [("Anneloes", "van der Vliet", "av@example.nl", "Brouwerij 't IJ")]),
    # Excel, Polish, "CSV UTF-8": BOM, ';'
    ("roster-pl.csv", "utf-8-sig", ";", ("Imię", "Nazwisko", "Adres e-mail", "Firma"),
     [("Łukasz", "Żółć", "lz@example.pl", "Spółdzielnia"),
      ("Małgorzata", "Wąsowska", "mw@example.pl", "Zakład Ślusarski")]),
    # a French Eventbrite attendee export: UTF-8, ',', family name first, a ticket number
    ("eventbrite-fr.csv", "utf-8", ",", ("N° de participant", "Nom", "Prénom", "E-mail",
                                          "Société"),
     [("Amélie", "Poulain", "ap@example.fr", "Café des 2 Moulins")]),
    # a German event registration export: a full-name column beside the halves
    ("anmeldung-de.csv", "utf-8", ",", ("Teilnehmername", "Vorname", "Nachname", "E-Mail",
                                         "CompanyName"),
     [("Käthe", "Kruse", "kk@example.de", "Puppen GmbH")]),
]


def write_languages(d):
    """Writes each roster of LANGUAGES, and FILE.expected: 'e-mail|name|company' lines."""
    for name, encoding, sep, header, people in LANGUAGES:
        rows = [header]
        for given, family, email, company in people:
            cells = {"ticket": str(len(rows) + 1000), "given": given, "family": family, "full": f"{given} {family}".strip(),
                     "email": email, "company": company}
            rows.append([cells[KINDS[h]] for h in header])
        save(f"{d}/{name}", table(rows, sep), encoding)
        with open(f"{d}/{name}.expected", "w", encoding="utf-8") as f:
            for given, family, email, company in sorted(people, key=lambda p: p[2]):
                f.write(f"{email}|{given} {family}".strip() + f"|{company}\n")


# What each header of LANGUAGES holds.
KINDS = {"Vorname": "given", "Nachname": "family", "E-Mail": "email", "Firma": "company",
         "Prénom": "given", "Nom": "family", "Adresse e-mail": "email", "Société": "company",
         "Nombre": "given", "Apellidos": "family", "Correo electrónico": "email",
         "Empresa": "company", "nome": "full", "email_institucional": "email",
         "Nome": "given", "Cognome": "family", "Indirizzo email": "email",
         "Azienda": "company", "Voornaam": "given", "Achternaam": "family",
         "E-mailadres": "email", "Bedrijf": "company", "Imię": "given", "Nazwisko": "family",
         "Adres e-mail": "email", "N° de participant": "ticket", "E-mail": "email",
         "Teilnehmername": "full", "CompanyName": "company"}


# How Windows-1252 reads each byte: its table, and the five bytes it lacks as themselves.
def cp1252_read(data):
    return "".join(bytes([b]).decode("cp1252", errors="strict")
                   if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b) for b in data)


def excel_open(src, dst):
    """Opens src as Excel does and saves it again as "CSV UTF-8"."""
    with open(src, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8")
    else:
        text = cp1252_read(data)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    iso = re.compile(r"^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d)$")
    for row in rows:  # Excel shows a date and time it recognises as d/m/yyyy h:mm
        for i, cell in enumerate(row):
            m = iso.match(cell)
            if m:
                y, mo, da, h, mi = m.groups()
                row[i] = f"{int(da)}/{int(mo)}/{y} {int(h)}:{mi}"
    save(dst, table(rows), "utf-8", bom=True)


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write_all(sys.argv[2])
    elif sys.argv[1] == "excel-open":
        excel_open(sys.argv[2], sys.argv[3])
    else:
        sys.exit("usage: office.py write DIR | excel-open IN OUT")
