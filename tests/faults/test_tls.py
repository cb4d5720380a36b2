"""TLS to PostgreSQL through Beacon's own connect path (issue 17, "Connections"): a CA and a server certificate
made by `openssl` here, a private cluster with `ssl = on`. `sslmode=verify-full` with the right CA connects and
the session is encrypted; a wrong CA, a host name the certificate does not name, and `sslmode=require` against a
server without TLS are refused with a sentence that says which, in Korean and English, never with the password.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from desktop import setup
from desktop.errors import DatabaseError
from desktop.models import db as dbmod
from tests.conftest import IN_CI
from tests.faults.clusters import PASSWORD, VERSION, Cluster, _run, require_cluster_tools


def _require_openssl() -> None:
    if shutil.which("openssl") is None:
        if IN_CI:
            pytest.fail("openssl is not installed (CI=true)")
        pytest.skip("openssl is not installed")


def _openssl(*args: str) -> None:
    _run("openssl", *args)


def make_ca(folder: Path, name: str) -> tuple[Path, Path]:
    """A self-signed CA: (key, certificate)."""
    key, cert = folder / f"{name}.key", folder / f"{name}.crt"
    _openssl("req", "-new", "-x509", "-days", "2", "-nodes", "-newkey", "rsa:2048", "-subj", f"/CN={name}",
             "-keyout", str(key), "-out", str(cert),
             "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    return key, cert


def make_server_cert(folder: Path, ca_key: Path, ca_cert: Path) -> tuple[Path, Path]:
    """A server key and certificate signed by the CA, naming 127.0.0.1 and localhost."""
    key, csr, cert = folder / "server.key", folder / "server.csr", folder / "server.crt"
    ext = folder / "server.ext"
    ext.write_text("subjectAltName = IP:127.0.0.1, DNS:localhost\nextendedKeyUsage = serverAuth\n", encoding="utf-8")
    _openssl("req", "-new", "-nodes", "-newkey", "rsa:2048", "-subj", "/CN=localhost",
             "-keyout", str(key), "-out", str(csr))
    _openssl("x509", "-req", "-in", str(csr), "-CA", str(ca_cert), "-CAkey", str(ca_key), "-CAcreateserial",
             "-days", "2", "-out", str(cert), "-extfile", str(ext))
    return key, cert


def _tls_conf(cluster: Cluster, text: str) -> None:
    conf = Path(f"/etc/postgresql/{VERSION}/{cluster.name}/conf.d/beacon-tls.conf")
    conf.write_text(text, encoding="utf-8")
    _run("pg_ctlcluster", VERSION, cluster.name, "reload")


@pytest.fixture
def tls_cluster(tmp_path):
    """A private cluster serving TLS with a certificate from a CA made here; yields (cluster, files)."""
    require_cluster_tools()
    _require_openssl()
    ca_key, ca_cert = make_ca(tmp_path, "beacon-test-ca")
    _, other_ca = make_ca(tmp_path, "someone-elses-ca")
    key, cert = make_server_cert(tmp_path, ca_key, ca_cert)
    cluster = Cluster("tls").create()
    try:
        # The server's files sit beside its configuration (pg_dropcluster removes them), the key 0600 and owned
        # by postgres: the server refuses to start with a key others may read.
        etc = Path(f"/etc/postgresql/{VERSION}/{cluster.name}")
        server_key, server_cert = etc / "server.key", etc / "server.crt"
        shutil.copy(key, server_key)
        shutil.copy(cert, server_cert)
        for path, mode in ((server_key, 0o600), (server_cert, 0o644)):
            shutil.chown(path, "postgres", "postgres")
            path.chmod(mode)
        _tls_conf(cluster, f"ssl = on\nssl_cert_file = '{server_cert}'\nssl_key_file = '{server_key}'\n")
        cluster.wait_ready()
        yield cluster, {"ca": ca_cert, "other_ca": other_ca}
    finally:
        dbmod.close()
        cluster.drop()


def _url(cluster: Cluster, query: str, *, host: str = "127.0.0.1") -> str:
    return f"postgresql://beacon:{quote(PASSWORD)}@{host}:{cluster.port}/beacon?{query}"


def _refusal(url: str) -> DatabaseError:
    with pytest.raises(DatabaseError) as caught:
        setup.check_connection(url)
    error = caught.value
    for language in ("ko", "en"):
        text = error.message(language)
        assert PASSWORD not in text, text
        print(f"  [{language}] {text}")
    return error


def test_verify_full_connects_with_the_right_ca_and_refuses_in_words_otherwise(tls_cluster):
    cluster, files = tls_cluster
    ca, other = files["ca"], files["other_ca"]

    print("\nTLS through Beacon's connect path, private cluster on port", cluster.port)
    good = _url(cluster, f"sslmode=verify-full&sslrootcert={quote(str(ca))}")
    setup.check_connection(good)
    db = dbmod.connect(good, create=False)
    ssl, version, cipher, bits = db.execute_sql(
        "SELECT ssl, version, cipher, bits FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()
    dbmod.close()
    print(f"right CA, verify-full: connected; pg_stat_ssl ssl={ssl} {version} {cipher} {bits} bits")
    assert ssl is True and version.startswith("TLS")

    print("wrong CA, verify-full: refused")
    error = _refusal(_url(cluster, f"sslmode=verify-full&sslrootcert={quote(str(other))}"))
    assert error.code == "db.tls_failed" and error.params["reason"] == "untrusted"
    assert "certificate" in error.message("en") and "인증서" in error.message("ko")

    print("wrong CA, verify-ca: refused")
    error = _refusal(_url(cluster, f"sslmode=verify-ca&sslrootcert={quote(str(other))}"))
    assert error.code == "db.tls_failed" and error.params["reason"] == "untrusted"

    print("right CA, a host name the certificate does not name (hostaddr=127.0.0.1): refused")
    error = _refusal(_url(cluster, f"hostaddr=127.0.0.1&sslmode=verify-full&sslrootcert={quote(str(ca))}",
                          host="db.example.invalid"))
    assert error.code == "db.tls_failed" and error.params["reason"] == "host_mismatch"

    print("CA file that does not exist: refused")
    error = _refusal(_url(cluster, "sslmode=verify-full&sslrootcert=/nonexistent/ca.crt"))
    assert error.code == "db.tls_failed" and error.params["reason"] == "no_ca_file"

    # The same cluster without TLS: `require` must refuse rather than fall back to plain text.
    _tls_conf(cluster, "ssl = off\n")
    cluster.wait_ready()
    plain = _url(cluster, "sslmode=disable")
    db = dbmod.connect(plain, create=False)
    (rows,) = db.execute_sql("SELECT count(*) FROM pg_stat_ssl WHERE pid = pg_backend_pid() AND ssl").fetchone()
    dbmod.close()
    print(f"ssl = off, sslmode=disable: connected in plain text (encrypted sessions: {rows})")
    assert rows == 0

    print("ssl = off, sslmode=require: refused")
    error = _refusal(_url(cluster, "sslmode=require"))
    assert error.code == "db.tls_failed" and error.params["reason"] == "not_offered"

    with pytest.raises(DatabaseError) as caught:
        dbmod.connect(_url(cluster, f"sslmode=verify-full&sslrootcert={quote(str(ca))}"), create=False)
    assert caught.value.code == "db.tls_failed"
    assert PASSWORD not in caught.value.message("en")
