# shellcheck shell=bash
# Sourced by scripts/test and scripts/demo: installs what building and
# testing libip needs on Debian 12, as root, unless it is all there already.
# (Not run on its own.)

LIBIP_DEB_PACKAGES=(meson ninja-build pkg-config gcc g++ libsqlite3-dev
                    libcjson-dev libssl-dev check valgrind python3
                    abigail-tools doxygen clang python3-cffi python3-pytest
                    python3-pandas)

libip_install_deps() {
    local missing=() p
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "deps: not a Debian system; install the equivalents of: ${LIBIP_DEB_PACKAGES[*]}" >&2
        return 0
    fi
    for p in "${LIBIP_DEB_PACKAGES[@]}"; do
        if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
            missing+=("$p")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    if [ "$(id -u)" -ne 0 ]; then
        echo "deps: missing ${missing[*]}; as root, run:" >&2
        echo "  apt-get update && apt-get install -y ${LIBIP_DEB_PACKAGES[*]}" >&2
        return 0
    fi
    echo "deps: installing ${missing[*]}" >&2
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${LIBIP_DEB_PACKAGES[@]}"
}

# libip_setup BUILDDIR [MESON OPTION...]: configures BUILDDIR, reconfiguring
# an existing one with the options given, and starting it over when it
# cannot be reconfigured (another meson version, a damaged directory).
libip_setup() {
    local dir=$1
    shift
    if [ -f "$dir/meson-private/coredata.dat" ]; then
        meson setup --reconfigure "$dir" "$@" || meson setup --wipe "$dir" "$@"
    elif [ -e "$dir" ]; then
        rm -rf "$dir"
        meson setup "$dir" "$@"
    else
        meson setup "$dir" "$@"
    fi
}
