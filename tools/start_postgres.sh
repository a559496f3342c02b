#!/usr/bin/env bash
# Start the local PostgreSQL cluster and create the test role and database.
# Prints the SQLAlchemy URL of the test database on stdout.
set -euo pipefail

cluster=$(pg_lsclusters --no-header 2>/dev/null | head -n 1)
if [ -z "$cluster" ]; then
    version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
    pg_createcluster "$version" main >/dev/null
    cluster=$(pg_lsclusters --no-header | head -n 1)
fi
version=$(echo "$cluster" | awk '{print $1}')
name=$(echo "$cluster" | awk '{print $2}')
port=$(echo "$cluster" | awk '{print $3}')
pg_ctlcluster "$version" "$name" start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$port" && break
    sleep 1
done

as_postgres() { su postgres -c "$1"; }
as_postgres "psql -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'meili'\"" | grep -q 1 \
    || as_postgres "psql -p $port -qc \"CREATE ROLE meili LOGIN SUPERUSER PASSWORD 'meili'\""
as_postgres "psql -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname = 'meili_test'\"" \
    | grep -q 1 || as_postgres "createdb -p $port -O meili meili_test"
echo "postgresql+psycopg://meili:meili@127.0.0.1:$port/meili_test"
