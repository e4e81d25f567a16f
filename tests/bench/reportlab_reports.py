#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""reportlab_reports.py sheet|matrix OUT.pdf DIR - the same content as showup's sign-in
sheet and attendance matrix drawn with reportlab, for `make bench` to compare bytes and
time against. DIR holds gen.py's participants.csv (and, for the matrix, sessions.csv
and attendance.csv). The fonts are the same DejaVu Sans files, embedded as subsets."""
import csv
import sys

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONTS = "/usr/share/fonts/truetype/dejavu/"
MARGIN = 36
TINTS = {"present": (0.78, 0.90, 0.79), "late": (1.00, 0.94, 0.62),
         "cancelled": (0.73, 0.87, 0.98), "no-show": (0.94, 0.60, 0.60),
         "excused": (0.88, 0.75, 0.91)}
LETTERS = {"present": "P", "late": "L", "cancelled": "C", "no-show": "N", "excused": "E"}


def rows(path):
    with open(path, newline="") as f:
        return list(csv.reader(f))[1:]


def heading(c, w, h, title):
    c.setFillColorRGB(0.12, 0.33, 0.55)
    c.setFont("Sans-Bold", 17)
    c.drawString(MARGIN, h - MARGIN - 16, title)
    c.setFillColorRGB(0.13, 0.15, 0.18)
    c.setFont("Sans-Bold", 11)
    c.drawString(MARGIN, h - MARGIN - 34, "Benchmark cohort (bench)")
    c.setStrokeColorRGB(0.12, 0.33, 0.55)
    c.line(MARGIN, h - MARGIN - 55, w - MARGIN, h - MARGIN - 55)
    return h - MARGIN - 69


def sheet(out, d):
    w, h = A4
    c = canvas.Canvas(out, pagesize=A4)
    y = heading(c, w, h, "Sign-in sheet")
    c.setFont("Sans-Bold", 13)
    c.drawString(MARGIN, y, "Session 12: Session 12")
    y -= 37
    c.setFont("Sans-Bold", 8)
    for x, t in ((MARGIN + 24, "participant"), (MARGIN + 200, "company"),
                 (MARGIN + 330, "arrived"), (MARGIN + 400, "signature")):
        c.drawString(x, y, t)
    y -= 5
    for k, (name, _email, company) in enumerate(rows(d + "/participants.csv") + [["", "", ""]] * 3):
        c.setFont("Sans", 9)
        c.drawRightString(MARGIN + 20, y - 15, str(k + 1))
        c.setFont("Sans", 10)
        c.drawString(MARGIN + 24, y - 15, name)
        c.setFont("Sans", 8.5)
        c.drawString(MARGIN + 200, y - 15, company)
        c.setStrokeColorRGB(0.80, 0.82, 0.85)
        c.line(MARGIN, y - 24, w - MARGIN, y - 24)
        y -= 24
    c.save()


def matrix(out, d):
    w, h = landscape(A4)
    people = rows(d + "/participants.csv")
    sessions = rows(d + "/sessions.csv")
    marks = {}
    for s, email, status, *_ in rows(d + "/attendance.csv"):
        marks[(email, int(s))] = status
    c = canvas.Canvas(out, pagesize=(w, h))
    per_block = int((w - 2 * MARGIN - 150 - 96 - 6) / 15)
    per_page = int((h - 2 * MARGIN - 60 - 16 - 12 - 4 * 11 - 18) / 11)
    for j0 in range(0, len(sessions), per_block):
        block = sessions[j0:j0 + per_block]
        for r0 in range(0, len(people), per_page):
            y = heading(c, w, h, "Attendance report") - 28
            c.setFont("Sans-Bold", 7)
            for k, s in enumerate(block):
                c.drawCentredString(MARGIN + 150 + 15 * k + 7.5, y, s[0])
            y -= 23
            for name, email, _company in people[r0:r0 + per_page]:
                c.setFillColorRGB(0.13, 0.15, 0.18)
                c.setFont("Sans", 7.5)
                c.drawString(MARGIN, y, name)
                for k, s in enumerate(block):
                    status = marks.get((email, int(s[0])), "")
                    x = MARGIN + 150 + 15 * k
                    if status in TINTS:
                        c.setFillColorRGB(*TINTS[status])
                        c.rect(x + 0.6, y - 2.6, 13.8, 9.8, stroke=0, fill=1)
                        c.setFillColorRGB(0.13, 0.15, 0.18)
                        c.setFont("Sans-Bold", 6.5)
                        c.drawCentredString(x + 7.5, y, LETTERS[status])
                y -= 11
            c.showPage()
    c.save()


def main():
    pdfmetrics.registerFont(TTFont("Sans", FONTS + "DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("Sans-Bold", FONTS + "DejaVuSans-Bold.ttf"))
    {"sheet": sheet, "matrix": matrix}[sys.argv[1]](sys.argv[2], sys.argv[3])


main()
