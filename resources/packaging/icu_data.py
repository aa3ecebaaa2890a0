"""A smaller ICU data library for the frozen build on Linux: Russian and English only.

Qt's Linux libraries link ICU, whose data library (`libicudata.so.73`, 31 MB, a fifth of the
frozen folder) holds every locale's collation, names and units, word dictionaries for Chinese,
Japanese, Thai, Lao, Khmer and Burmese, and some 200 legacy character-set converters. The
program speaks Russian and English; Qt asks ICU for collation, case mapping and the like in the
system's locale, and a locale whose data is missing falls back to the root locale, as ICU does
for any locale it does not know.

`build_library(src, dest)` reads the ICU "common data" package out of the library (one exported
symbol, `icudtNN_dat`), keeps the items `keep()` accepts, and links a new library with the same
soname and symbol with binutils (`as`, `ld`: PyInstaller needs binutils anyway). The package
format is ICU's `CmnD`: a header, a table of contents (count, then name and data offsets from
the table's start, sorted by name) and the items, each 16-byte aligned with its own header.

    python3 resources/packaging/icu_data.py SRC DEST   # prints what was kept
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

# Locale data kept: the root locale, Russian in every region, and English as the program uses it.
ENGLISH = {"en", "en_001", "en_150", "en_GB", "en_US", "en_US_POSIX"}
# Legacy converters kept: the Cyrillic code pages (windows-1251 = ibm-5347, cp866 = ibm-866,
# KOI8-R = ibm-878, KOI8-U = ibm-1168, ISO 8859-5 = ibm-915). UTF-8/16/32 and Latin-1 are built in.
CONVERTERS = ("ibm-5347_", "ibm-1251_", "ibm-866_", "ibm-878_", "ibm-1168_", "ibm-915_")
DROPPED_FOLDERS = {"translit"}  # transliteration rules: Qt never asks for them
_LOCALE_FILE = re.compile(r"[a-z]{2,3}(?:_[A-Za-z0-9]+)*\.res")


def keep(name: str) -> bool:
    """Whether the package item `name` (`icudt73l/coll/ru.res`) stays."""
    path = name.split("/", 1)[1] if "/" in name else name
    folder, _, leaf = path.rpartition("/")
    if folder in DROPPED_FOLDERS:
        return False
    if leaf.endswith(".dict"):  # word-break dictionaries for scripts written without spaces
        return False
    if leaf.endswith(".cnv"):
        return leaf.startswith(CONVERTERS)
    if not _LOCALE_FILE.fullmatch(leaf):
        return True  # root, pool, res_index, supplemental data, rules, properties, normalisation
    locale = leaf[: -len(".res")]
    return locale == "ru" or locale.startswith("ru_") or locale in ENGLISH


# --- reading and writing the package ------------------------------------------------------------
def _elf_symbol(data: bytes, prefix: bytes) -> tuple[bytes, int, int]:
    """(name, file offset, size) of the one exported symbol whose name starts with `prefix`."""
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strtab = sections[link]
        for at in range(offset, offset + size, entsize):
            st_name, _st_info, _other, shndx, value, st_size = struct.unpack_from("<IBBHQQ", data, at)
            start = strtab[4] + st_name
            symbol = data[start:data.index(b"\0", start)]
            if symbol.startswith(prefix) and shndx != 0:
                home = sections[shndx]
                return symbol, home[4] + (value - home[3]), st_size
    raise ValueError(f"no exported symbol {prefix.decode()}*")


def read_package(library: bytes) -> tuple[bytes, bytes, list[tuple[str, bytes]]]:
    """(symbol name, package header, [(item name, item bytes)]) from an ICU data library."""
    symbol, offset, size = _elf_symbol(library, b"icudt")
    blob = library[offset:offset + size]
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    toc = header_size
    count, = struct.unpack_from("<I", blob, toc)
    entries = [struct.unpack_from("<II", blob, toc + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_at, data_at) in enumerate(entries):
        name = blob[toc + name_at:blob.index(b"\0", toc + name_at)].decode("ascii")
        end = entries[i + 1][1] if i + 1 < count else size - toc
        items.append((name, blob[toc + data_at:toc + end]))
    return symbol, blob[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The package with these items (sorted by name, as ICU's binary search expects)."""
    items = sorted(items)
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    table = 4 + 8 * len(items)
    first = _align(table + len(names))
    entries, body, name_at, data_at = [], bytearray(), table, first
    for name, data in items:
        entries.append(struct.pack("<II", name_at, data_at))
        name_at += len(name) + 1
        padded = data + b"\0" * (_align(len(data)) - len(data))
        body += padded
        data_at += len(padded)
    toc = struct.pack("<I", len(items)) + b"".join(entries) + names
    return header + toc + b"\0" * (first - len(toc)) + bytes(body)


def _align(n: int) -> int:
    return (n + 15) // 16 * 16


def build_library(src: Path, dest: Path) -> tuple[int, int]:
    """Write the reduced library to `dest`; returns (items kept, items in the original)."""
    library = Path(src).read_bytes()
    symbol, header, items = read_package(library)
    kept = [(name, data) for name, data in items if keep(name)]
    soname = _soname(Path(src))
    with tempfile.TemporaryDirectory(prefix="icu-data-") as work:
        package = Path(work) / "package.dat"
        package.write_bytes(write_package(header, kept))
        source = Path(work) / "data.s"
        name = symbol.decode("ascii")
        source.write_text(
            "    .section .rodata\n"
            f"    .globl {name}\n"
            f"    .type {name}, @object\n"
            "    .balign 16\n"
            f"{name}:\n"
            f'    .incbin "{package}"\n'
            f"    .size {name}, . - {name}\n"
            '    .section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        obj = Path(work) / "data.o"
        subprocess.run(["as", "-o", str(obj), str(source)], check=True)
        dest.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["ld", "-shared", "-soname", soname, "--hash-style=both", "-z", "noexecstack",
                        "-o", str(dest), str(obj)], check=True)
    return len(kept), len(items)


def _soname(library: Path) -> str:
    """The library's soname (libicudata.so.73), from its file name: the link name Qt records."""
    match = re.match(r"(libicudata\.so\.\d+)", library.name)
    if not match:
        raise ValueError(f"{library.name} is not an ICU data library")
    return match.group(1)


if __name__ == "__main__":
    kept, total = build_library(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{sys.argv[2]}: {kept} of {total} ICU data items, {Path(sys.argv[2]).stat().st_size / 2**20:.1f} MB")
