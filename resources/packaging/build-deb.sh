#!/usr/bin/env bash
# Builds dist/incident-log_<version>_<arch>.deb from the frozen folder dist/incident-log/.
#
#   bash resources/packaging/build-deb.sh            freeze first only if dist/incident-log is missing
#   bash resources/packaging/build-deb.sh --rebuild  always freeze anew (build.spec)
#
# PYTHON names the interpreter with PyInstaller (default: .venv/bin/python, else python3).
# Needs dpkg-deb and binutils (objdump); PyInstaller needs binutils too.
#
# The package: the program under /opt/incident-log, a /usr/bin/incident-log launcher, the menu
# entry and icons, and Depends on the system libraries that the bundle takes from the system.
# Before packing, every library in the bundle is checked with ldd: a dependency that resolves
# nowhere, or from a system package missing from deb/depends.txt, stops the build.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

rebuild=0
for arg in "$@"; do
    case $arg in
        --rebuild) rebuild=1 ;;
        *) echo "usage: $0 [--rebuild]" >&2; exit 2 ;;
    esac
done

if [[ -z ${PYTHON:-} ]]; then
    if [[ -x .venv/bin/python ]]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' desktop/__init__.py)
[[ -n $version ]] || { echo "build-deb: no __version__ in desktop/__init__.py" >&2; exit 1; }
arch=$(dpkg --print-architecture)
app=dist/incident-log

if [[ $rebuild == 1 || ! -x $app/incident-log ]]; then
    echo "build-deb: freezing with PyInstaller ($PYTHON)"
    "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN build.spec
fi

# --- the libraries the bundle takes from the system --------------------------------------------
bundle=$(cd "$app/_internal" && pwd)
search="$bundle:$bundle/PySide6/Qt/lib:$bundle/pillow.libs"
mapfile -t elfs < <(find "$app" -type f \( -name '*.so' -o -name '*.so.*' -o -name incident-log \) | sort)
missing=$(for f in "${elfs[@]}"; do LD_LIBRARY_PATH=$search ldd "$f" 2>/dev/null | sed -n "s|^\s*\(\S*\) => not found|${f#"$root"/}: \1|p"; done)
if [[ -n $missing ]]; then
    echo "build-deb: these libraries resolve nowhere (a pruned Qt file still needed?):" >&2
    echo "$missing" >&2
    exit 1
fi
mapfile -t system_libs < <(for f in "${elfs[@]}"; do LD_LIBRARY_PATH=$search ldd "$f" 2>/dev/null; done |
    awk '$2 == "=>" && $3 ~ /^\// {print $3}' | grep -v "^$bundle/" | sort -u)
declared=$(grep -v '^\s*\(#\|$\)' "$here/deb/depends.txt")
# A library may also come from a package that a declared one depends on (libcups2 brings
# libgnutls30): apt installs those with it. Their closure, from the installed packages' Depends.
provided=$(
    queue=$declared seen=""
    while [[ -n $queue ]]; do
        package=${queue%%$'\n'*}
        [[ $queue == *$'\n'* ]] && queue=${queue#*$'\n'} || queue=""
        package=${package%%:*}
        [[ -z $package || $'\n'$seen$'\n' == *$'\n'$package$'\n'* ]] && continue
        seen+=$'\n'$package
        deps=$(dpkg-query -W -f='${Depends}, ${Pre-Depends}' "$package" 2>/dev/null |
            tr ',|' '\n\n' | sed -e 's/([^)]*)//g' -e 's/:any//g' -e 's/[[:space:]]//g' | grep -v '^$' || true)
        [[ -n $deps ]] && queue+=$'\n'$deps
    done
    echo "$seen"
)
undeclared=""
for lib in "${system_libs[@]}"; do
    real=$(readlink -f "$lib")
    owner=$(dpkg -S "$lib" 2>/dev/null || dpkg -S "$real" 2>/dev/null || true)
    package=${owner%%:*}
    if [[ -z $package ]]; then
        undeclared+="  $lib (no Debian package owns it)"$'\n'
    elif [[ $package != libc6 ]] && ! grep -qx "$package" <<<"$provided"; then
        undeclared+="  $lib (package $package)"$'\n'
    fi
done
if [[ -n $undeclared ]]; then
    echo "build-deb: the bundle loads these from the system, but deb/depends.txt does not name them:" >&2
    printf '%s' "$undeclared" >&2
    exit 1
fi
# The newest glibc symbol version any bundled binary needs (Python and Qt were built against it).
glibc=$(for f in "${elfs[@]}"; do objdump -T "$f" 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*'; done |
    sed 's/GLIBC_//' | sort -uV | tail -n 1)
depends="libc6 (>= $glibc)"
while read -r package; do depends+=", $package"; done <<<"$declared"

# --- the package tree ----------------------------------------------------------------------------
stage=build/deb/incident-log_${version}_${arch}
rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
    "$stage/usr/share/icons/hicolor/256x256/apps" "$stage/usr/share/icons/hicolor/scalable/apps" \
    "$stage/usr/share/doc/incident-log"
cp -a "$app" "$stage/opt/incident-log"  # -a keeps PyInstaller's symlinks: copies would double the size
install -m 0755 "$here/deb/incident-log.sh" "$stage/usr/bin/incident-log"
install -m 0644 "$here/incident-log.desktop" "$stage/usr/share/applications/incident-log.desktop"
install -m 0644 resources/icons/incident-log.png "$stage/usr/share/icons/hicolor/256x256/apps/incident-log.png"
install -m 0644 resources/icons/incident-log.svg "$stage/usr/share/icons/hicolor/scalable/apps/incident-log.svg"
install -m 0644 "$here/deb/copyright" "$stage/usr/share/doc/incident-log/copyright"
chmod -R u+rwX,go+rX,go-w "$stage"

installed_size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@INSTALLED_SIZE@/$installed_size/" \
    -e "s/@DEPENDS@/$depends/" "$here/deb/control.in" >"$stage/DEBIAN/control"

deb=dist/incident-log_${version}_${arch}.deb
dpkg-deb --build --root-owner-group "$stage" "$deb" >/dev/null
echo "build-deb: $deb ($(du -h "$deb" | cut -f1); installed $((installed_size / 1024)) MB)"
echo "build-deb: Depends: $depends"
