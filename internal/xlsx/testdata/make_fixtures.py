#!/usr/bin/python3
"""Writes the office-shaped workbooks of issue 16 the way clerks make them:
openpyxl for the .xlsx, LibreOffice (soffice --headless) for its own .xlsx,
its CSV and .xls, and raw bytes for the CSV Excel saves in Indonesian Windows.

Run from anywhere: /usr/bin/python3 internal/xlsx/testdata/make_fixtures.py
Needs python3-openpyxl and libreoffice-calc (soffice). Every file is small.
"""
import os
import shutil
import subprocess
import sys
import tempfile

from openpyxl import Workbook
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))


def grouped():
    """A list grouped by kecamatan and angkatan: group titles, sub totals,
    the header and column numbers repeated on a new printed page, a
    kecamatan merged down, a hidden row and a hidden column."""
    wb = Workbook()
    ws = wb.active
    ws.title = "PESERTA"
    ws["A1"] = "DAFTAR PESERTA PELATIHAN WIRAUSAHA BARU"
    ws.merge_cells("A1:I1")
    ws["A2"] = "DINAS PERINDUSTRIAN DAN PERDAGANGAN KABUPATEN PAMEKASAN"
    ws.merge_cells("A2:I2")
    ws["A3"] = "TAHUN 2023"
    header = ["NO", "NIK", "NAMA", "L/P", "TEMPAT, TANGGAL LAHIR", "DESA", "KECAMATAN", "NO. HP", "STATUS"]
    ws.append([])
    ws.append(header)  # row 5
    ws.append(list(range(1, 10)))  # row 6
    for c in ws[5]:
        c.font = Font(bold=True)

    def person(no, nik, name, sex, ttl, desa, kec, hp, status):
        ws.append([no, nik, name, sex, ttl, desa, kec, hp, status])

    ws.append(["KECAMATAN PADEMAWU"])  # row 7
    ws.merge_cells("A7:I7")
    person(1, "3528024503950001", "Siti Aminah", "P", "Pamekasan, 05-03-1995", "Tanjung", None, "081234500001", "Lulus Pelatihan")
    person(2, "3528021007880002", "Moh. Hasan", "L", "Pamekasan, 10-07-1988", "Tanjung", None, "081234500002", "Mengundurkan Diri")
    person(3, "3528025201900003", "Fatimah", "P", "Pamekasan, 12-01-1990", "Pademawu Timur", None, None, "selesai  pelatihan")
    ws.append(["JUMLAH", None, None, 3])  # row 11
    ws.merge_cells("A11:C11")
    ws.append(header)  # row 12: the next printed page
    ws.append(list(range(1, 10)))  # row 13
    ws.append(["B", "Kecamatan Galis"])  # row 14
    person(4, "352803150585004", "Abdul Rahman", "L", "Pamekasan, 15-05-1985", "Konang", None, None, "DO")  # 15 digits
    person(5, "3528034410920005", "Nur Hayati", "P", "Pamekasan, 04-10-1992", "Konang", None, None, "Tidak Lulus")
    person(6, "3528030101900006", "Budi Santoso", "L", "Pamekasan, 01-01-1990", "Konang", None, None, "LULUS")
    ws.append(["Sub Total", None, None, 3])  # row 18
    ws.append(["ANGKATAN III"])  # row 19
    person(7, "3528071203910007", "Ahmad", "L", "Pamekasan, 12-03-1991", "Plakpak", "Pegantenan", None, "Sedang Pelatihan")
    person(8, "3528075505950008", "Zainab", "P", "Pamekasan, 15-05-1995", "Tanjung", None, None, "Proses")
    person(9, "3528071203910009", "Kamil", "L", "Pamekasan, 12-03-1991", "Plakpak", None, None, "Pindah")
    ws.merge_cells("G20:G22")
    ws.append(["JUMLAH", None, None, 3])  # row 23
    ws.append(["JUMLAH TOTAL", None, None, 9])  # row 24
    ws.append([])
    ws["H26"] = "Pamekasan, 30 Desember 2023"
    ws["H27"] = "Kepala Dinas Perindustrian dan Perdagangan"
    ws["H30"] = "NIP. 19700101 199003 1 001"
    ws.row_dimensions[16].hidden = True
    ws.column_dimensions["H"].hidden = True
    for col, w in zip("ABCDEFGHI", [5, 20, 22, 5, 26, 16, 14, 16, 18]):
        if col != "H":
            ws.column_dimensions[col].width = w
    wb.save(os.path.join(HERE, "grouped.xlsx"))


def group_header():
    """A two-row header whose upper row groups columns (DATA PESERTA over
    NIK / NAMA / L-P) while NO, TTL, NO. HP/WA, JENIS USAHA, KET are merged
    down both rows; a second visible table and a hidden one."""
    wb = Workbook()

    def sheet(ws, rows):
        ws["A1"] = "DAFTAR PESERTA PROGRAM WIRAUSAHA BARU"
        ws["A2"] = "DINAS KOPERASI DAN USAHA MIKRO KABUPATEN PAMEKASAN"
        ws["A3"] = "TAHUN 2022"
        for ref, text in [("A5", "NO"), ("B5", "DATA PESERTA"), ("E5", "TEMPAT, TANGGAL LAHIR"), ("F5", "NO. HP/WA"),
                          ("G5", "JENIS USAHA"), ("H5", "KET"), ("B6", "NIK"), ("C6", "NAMA"), ("D6", "L/P")]:
            ws[ref] = text
            ws[ref].font = Font(bold=True)
        for r in ["A5:A6", "B5:D5", "E5:E6", "F5:F6", "G5:G6", "H5:H6"]:
            ws.merge_cells(r)
        ws.append(["(%d)" % i for i in range(1, 9)])  # row 7
        for r in rows:
            ws.append(r)

    ws = wb.active
    ws.title = "ANGKATAN 1"
    sheet(ws, [
        [1, "3528044506950001", "Siti Aminah", "P", "Pamekasan, 05-06-1995", "081234567890", "Kuliner", None],
        [2, "3528041203880002", "Moh. Hasan", "L", "Pamekasan, 13-03-1988", "0852-3456-7890", "Batik", "tanggal lahir beda"],
        [3, "3528054402850003", "Fatimah", "P", "Sumenep, 30-02-1985", "081234567892", "Kerajinan", None],
        [4, "3528061507900004", "Abdul Rahman", "L", "Pamekasan, 15-07-1990", "+6281234567893", "Kuliner", None],
    ])
    sheet(wb.create_sheet("ANGKATAN 2"), [
        [1, "3528074101930005", "Nur Hayati", "P", "Pamekasan, 01-01-1993", "081234567894", "Kuliner", None],
        [2, "3528080202940006", "Budi", "L", "Pamekasan, 02-02-1994", "081234567895", "Bengkel", None],
    ])
    old = wb.create_sheet("LAMA")
    sheet(old, [[1, "3528090303950007", "Lama", "L", "Pamekasan, 03-03-1995", None, None, None]])
    old.sheet_state = "hidden"
    wb.save(os.path.join(HERE, "group_header.xlsx"))


CSV_ROWS = [
    ["NO", "NIK", "NAMA", "L/P", "TANGGAL LAHIR", "DESA", "KECAMATAN", "STATUS"],
    ["1", "3528045203950001", "Siti Aminah", "P", "12/03/1995", "Kangenan", "Pamekasan", "Lulus"],
    ["2", "3528021007880002", "Ma\u2019ruf", "L", "10/07/1988", "Tanjung", "Pademawu", "Mengundurkan Diri"],
    ["3", "3,52805E+15", "Abdul Rahman", "L", "15/05/1985", "Toket", "Proppo", "Lulus"],
    ["4", "3528064410920010", "Nur Hayati", "P", "04/10/1992", "Angsanah", "Palengaan", "Lulus"],
]


def csv_text(sep, title=True):
    lines = []
    if title:
        lines.append(sep.join(["DAFTAR PESERTA WUB DINAS PERINDUSTRIAN DAN PERDAGANGAN TAHUN 2023"] + [""] * 7))
        lines.append(sep * 7)
    for r in CSV_ROWS:
        lines.append(sep.join('"%s"' % v if sep in v else v for v in r))
    return "\r\n".join(lines) + "\r\n"


def csvs(tmp):
    """The CSV Excel saves in Indonesian Windows (semicolons, cp1252 or
    UTF-8 with a BOM, CRLF, dd/mm/yyyy, a NIK shown as 3,52805E+15) and the
    one LibreOffice writes (commas, UTF-8)."""
    text = csv_text(";")
    with open(os.path.join(HERE, "excel_id_cp1252.csv"), "wb") as f:
        f.write(text.encode("cp1252"))
    with open(os.path.join(HERE, "excel_id_utf8bom.csv"), "wb") as f:
        f.write(b"\xef\xbb\xbf" + text.encode("utf-8"))
    wb = Workbook()
    ws = wb.active
    ws.append(["DAFTAR PESERTA WUB DINAS PERINDUSTRIAN DAN PERDAGANGAN TAHUN 2023"])
    ws.append([])
    for r in CSV_ROWS:
        ws.append(r)
    src = os.path.join(tmp, "libreoffice.xlsx")
    wb.save(src)
    soffice(tmp, 'csv:Text - txt - csv (StarCalc):44,34,76', src)
    shutil.copy(os.path.join(tmp, "out", "libreoffice.csv"), HERE)


def soffice(tmp, to, src):
    subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + tmp + "/profile",
                    "--convert-to", to, "--outdir", os.path.join(tmp, "out"), src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def libreoffice(tmp):
    """The grouped list and the two-row header saved by LibreOffice, whose
    XML differs from openpyxl's (hidden="true", merged ranges, styles), and
    both as Excel 97 .xls."""
    for name in ["grouped", "group_header"]:
        src = os.path.join(tmp, name + "_lo.xlsx")
        shutil.copy(os.path.join(HERE, name + ".xlsx"), src)
        soffice(tmp, "xlsx:Calc MS Excel 2007 XML", src)
        shutil.copy(os.path.join(tmp, "out", name + "_lo.xlsx"), HERE)
    for name in ["grouped", "group_header"]:
        src = os.path.join(tmp, name + "_97.xlsx")
        shutil.copy(os.path.join(HERE, name + ".xlsx"), src)
        soffice(tmp, "xls:MS Excel 97", src)
        shutil.copy(os.path.join(tmp, "out", name + "_97.xls"), HERE)


def big(n, path):
    """A 100,000-row list as an office writes it (openpyxl, shared strings),
    a status column that says Mengundurkan Diri in one row in nine: for
    the memory measurement in docs/PERFORMANCE.md. Not committed."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("DATA")
    ws.append(["DAFTAR PESERTA WUB"])
    ws.append(["DINAS PERINDUSTRIAN DAN PERDAGANGAN"])
    ws.append(["TAHUN 2022"])
    ws.append(["NO", "NAMA", "NIK", "JK", "TTL", "ALAMAT", None, None, "NO HP", "JENIS USAHA", "STATUS"])
    ws.append([None, None, None, None, None, "DUSUN", "DESA", "KECAMATAN"])
    ws.append(list(range(1, 12)))
    kec = [("01", "Tlanakan", "Dabuan"), ("02", "Pademawu", "Pademawu Timur"), ("03", "Galis", "Konang"),
           ("04", "Pamekasan", "Kangenan"), ("05", "Proppo", "Toket"), ("06", "Palengaan", "Angsanah")]
    for i in range(n):
        code, kname, desa = kec[i % len(kec)]
        day, month, yy = 1 + i % 28, 1 + (i // 28) % 12, 70 + (i // 9000) % 30
        sex, dd = ("L", day) if i % 2 == 0 else ("P", day + 40)
        nik = "3528%s%02d%02d%02d%04d" % (code, dd, month, yy, 1 + i % 9000)
        status = "Mengundurkan Diri" if i % 9 == 4 else "Lulus"
        ws.append([i + 1, "Peserta %d" % (i + 1), nik, sex, "Pamekasan, %02d-%02d-19%02d" % (day, month, yy),
                   "Dsn. Krajan", desa, "Kec. " + kname, "0812%08d" % i, "Kuliner", status])
    ws.append(["JUMLAH"])
    ws.append([None] * 8 + ["Pamekasan, 30 Desember 2022"])
    wb.save(path)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--big":
        return big(int(sys.argv[2]), sys.argv[3])
    grouped()
    group_header()
    tmp = tempfile.mkdtemp()
    try:
        csvs(tmp)
        libreoffice(tmp)
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    sys.exit(main())
