"""A small GeoNames dump written for these tests (rows in the GeoNames table layout, names and numbers
rounded), imported into a throw-away gazetteer so no test needs the full packaged build."""

from __future__ import annotations

from pathlib import Path

import pytest

from warlog.geo import Gazetteer, import_geonames_dump

# geonameid, name, asciiname, alternatenames, lat, lon, class, code, country, admin1, admin2, population
ROWS = [
    (690791, "Ukraine", "Ukraine", "Ukraina,Украина", 49.0, 32.0, "A", "PCLI", "UA", "00", "", 41000000),
    (
        2017370,
        "Russia",
        "Russia",
        "Russian Federation,Россия",
        60.0,
        100.0,
        "A",
        "PCLI",
        "RU",
        "00",
        "",
        144000000,
    ),
    (
        6252001,
        "United States",
        "United States",
        "USA,America",
        39.76,
        -98.5,
        "A",
        "PCLI",
        "US",
        "00",
        "",
        327000000,
    ),
    (
        709716,
        "Donetsk Oblast",
        "Donetsk Oblast",
        "Donetska oblast",
        48.0,
        37.8,
        "A",
        "ADM1",
        "UA",
        "05",
        "",
        4100000,
    ),
    (706482, "Kharkiv Oblast", "Kharkiv Oblast", "", 49.5, 36.5, "A", "ADM1", "UA", "07", "", 2600000),
    (696634, "Poltava Oblast", "Poltava Oblast", "", 49.6, 34.0, "A", "ADM1", "UA", "18", "", 1400000),
    (578071, "Belgorod Oblast", "Belgorod Oblast", "", 50.75, 37.5, "A", "ADM1", "RU", "09", "", 1500000),
    (4331987, "Louisiana", "Louisiana", "", 31.0, -92.0, "A", "ADM1", "US", "LA", "", 4600000),
    (6254928, "Virginia", "Virginia", "", 37.5, -78.9, "A", "ADM1", "US", "VA", "", 8500000),
    (709717, "Donetsk", "Donetsk", "Донецк,Донецьк", 48.023, 37.802, "P", "PPLA", "UA", "05", "", 929000),
    (
        704393,
        "Krasnohorivka",
        "Krasnohorivka",
        "Krasnogorovka",
        48.005,
        37.507,
        "P",
        "PPL",
        "UA",
        "05",
        "",
        16000,
    ),
    (704390, "Krasnohorivka", "Krasnohorivka", "", 49.678, 33.745, "P", "PPL", "UA", "18", "", 908),
    (
        713174,
        "Bakhmut",
        "Bakhmut",
        "Artemivsk,Artemivs'k,Бахмут",
        48.594,
        37.999,
        "P",
        "PPL",
        "UA",
        "05",
        "",
        72000,
    ),
    (
        706483,
        "Kharkiv",
        "Kharkiv",
        "Kharkov,Kharkív,Харків",
        49.981,
        36.253,
        "P",
        "PPLA",
        "UA",
        "07",
        "",
        1430000,
    ),
    (578072, "Belgorod", "Belgorod", "Белгород", 50.611, 36.580, "P", "PPLA", "RU", "09", "", 356000),
    (495112, "Shebekino", "Shebekino", "", 50.410, 36.890, "P", "PPL", "RU", "09", "", 44000),
    (4314550, "Alexandria", "Alexandria", "", 31.311, -92.445, "P", "PPLA2", "US", "LA", "079", 47000),
    (4744091, "Alexandria", "Alexandria", "", 38.805, -77.047, "P", "PPL", "US", "VA", "510", 159000),
    (
        361058,
        "Alexandria",
        "Alexandria",
        "Al Iskandariyah",
        31.202,
        29.916,
        "P",
        "PPLA",
        "EG",
        "06",
        "",
        4500000,
    ),
    (630673, "Black Sea", "Black Sea", "", 43.0, 34.0, "H", "SEA", "", "00", "", 0),
    (2643743, "London", "London", "", 51.509, -0.126, "P", "PPLC", "GB", "ENG", "GLA", 8900000),
    (9999999, "Old Mill", "Old Mill", "", 45.0, 45.0, "S", "MILL", "UA", "05", "", 0),  # not a place kind
    (5210000, "Mount Oliver", "Mount Oliver", "", 40.41, -79.99, "P", "PPL", "US", "PA", "003", 3300),
]


def dump_text(rows=ROWS) -> str:
    lines = []
    for gid, name, ascii_, alts, lat, lon, fclass, fcode, cc, a1, a2, pop in rows:
        cols = [
            str(gid),
            name,
            ascii_,
            alts,
            str(lat),
            str(lon),
            fclass,
            fcode,
            cc,
            "",
            a1,
            a2,
            "",
            "",
            str(pop),
            "",
            "100",
            "Europe/Kyiv",
            "2024-01-01",
        ]
        lines.append("\t".join(cols))
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="session")
def small_dump(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("dump") / "XX.txt"
    path.write_text(dump_text(), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def small_gazetteer(tmp_path_factory, small_dump) -> Gazetteer:
    db = tmp_path_factory.mktemp("gaz") / "small.sqlite"
    import_geonames_dump(small_dump, db=db)
    return Gazetteer(db)
