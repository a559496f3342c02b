"""One program per data folder: the lock, the local socket and the hand-off of package files."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile
from PySide6.QtNetwork import QLocalSocket

from meili_desktop.single_instance import (
    LOCK_FILE_NAME,
    InstanceNotRespondingError,
    SingleInstance,
    decode_request,
    encode_request,
    server_name_for,
)

ROOT = Path(__file__).resolve().parents[2]

# A first launch in its own process: it takes the data folder, prints "ready", then prints the
# files a later launch hands over as JSON and exits.
FIRST_LAUNCH = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication, QTimer
    from meili_desktop.single_instance import SingleInstance

    app = QCoreApplication([])
    instance = SingleInstance(Path(sys.argv[1]))
    if not instance.acquire():
        print("not owner", flush=True)
        sys.exit(3)
    def received(files):
        print(json.dumps([str(file) for file in files], ensure_ascii=False), flush=True)
        QTimer.singleShot(0, app.quit)
    instance.deliver_to(received)
    print("ready", flush=True)
    QTimer.singleShot(20000, lambda: app.exit(4))
    sys.exit(app.exec())
""")


# A later launch: it finds the data folder taken and hands its files to the owner.
LATER_LAUNCH = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication
    from meili_desktop.single_instance import SingleInstance

    app = QCoreApplication([])
    instance = SingleInstance(Path(sys.argv[1]))
    if instance.acquire():
        sys.exit(3)
    instance.hand_off([Path(name) for name in sys.argv[2:]], timeout_ms=8000)
""")


def start_first_launch(data_dir: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", FIRST_LAUNCH, str(data_dir)], cwd=ROOT, text=True,
        encoding="utf-8", stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"})
    assert process.stdout is not None
    first_line = process.stdout.readline().strip()
    assert first_line == "ready", process.stderr.read() if process.stderr else first_line
    return process


@pytest.fixture
def first(qapp, data_dir: Path):
    instance = SingleInstance(data_dir)
    assert instance.acquire()
    yield instance
    instance.release()


def test_server_name_same_for_same_folder(data_dir: Path) -> None:
    assert server_name_for(data_dir) == server_name_for(data_dir / "logs" / "..")


def test_server_name_differs_between_folders(tmp_path: Path) -> None:
    assert server_name_for(tmp_path / "甲 乡镇") != server_name_for(tmp_path / "乙 乡镇")


def test_server_name_is_ascii(data_dir: Path) -> None:
    assert server_name_for(data_dir).isascii()


def test_request_paths_become_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)

    files = decode_request(encode_request([Path("上报 包.mlrp")]))

    assert files == [tmp_path / "上报 包.mlrp"]


@pytest.mark.parametrize("raw", [b"[]", b'{"files": "a.mlrp"}', b'{"files": [1]}',
                                 b'{"files": [""]}', b"not json"])
def test_decode_rejects_malformed_request(raw: bytes) -> None:
    with pytest.raises(ValueError):
        decode_request(raw)


def test_second_acquire_fails(first: SingleInstance, data_dir: Path) -> None:
    second = SingleInstance(data_dir)

    assert not second.acquire()
    assert first.is_listening


def test_other_folder_acquires(first: SingleInstance, tmp_path: Path) -> None:
    other = SingleInstance(tmp_path / "其他 数据")

    assert other.acquire()
    other.release()


def test_release_lets_next_launch_acquire(qapp, data_dir: Path) -> None:
    first = SingleInstance(data_dir)
    assert first.acquire()
    first.release()

    second = SingleInstance(data_dir)

    assert second.acquire()
    second.release()


def start_later_launch(data_dir: Path, files: list[Path]) -> subprocess.Popen[str]:
    """Start a later launch in its own process; it hands ``files`` over and exits."""
    return subprocess.Popen(
        [sys.executable, "-c", LATER_LAUNCH, str(data_dir), *map(str, files)], cwd=ROOT,
        text=True, encoding="utf-8", stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"})


def test_hand_off_to_this_process(qtbot, first: SingleInstance, data_dir: Path) -> None:
    received: list[list[Path]] = []
    first.deliver_to(received.append)
    package = data_dir / "清波街道 2021Q1.mlrp"

    with qtbot.waitSignal(first.files_received, timeout=10000):
        later = start_later_launch(data_dir, [package])
    _output, errors = later.communicate(timeout=10)

    assert later.returncode == 0, errors
    assert received == [[package]]


def test_files_before_window_are_kept(qtbot, first: SingleInstance, data_dir: Path) -> None:
    package = data_dir / "下发 包.mldp"
    later = start_later_launch(data_dir, [package])
    qtbot.waitUntil(lambda: later.poll() is not None, timeout=10000)
    later.communicate()
    received: list[list[Path]] = []

    first.deliver_to(received.append)

    assert later.returncode == 0
    assert received == [[package]]


def test_hand_off_between_processes(qapp, data_dir: Path) -> None:
    process = start_first_launch(data_dir)
    try:
        later = SingleInstance(data_dir)
        assert not later.acquire()
        package = data_dir / "报送 文件" / "清波街道.mlrp"

        later.hand_off([package], timeout_ms=10000)

        output, errors = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, errors
    assert json.loads(output.strip()) == [str(package)]


def test_lock_of_killed_process_is_stale(qapp, data_dir: Path) -> None:
    process = start_first_launch(data_dir)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=10)

    instance = SingleInstance(data_dir)

    assert instance.acquire()
    assert instance.is_listening
    instance.release()


def test_hand_off_times_out_without_server(qapp, data_dir: Path) -> None:
    # A lock held by this live process, but nobody listening: a hung first launch.
    lock = QLockFile(str(data_dir / LOCK_FILE_NAME))
    assert lock.tryLock(0)
    later = SingleInstance(data_dir)
    assert not later.acquire()

    with pytest.raises(InstanceNotRespondingError) as caught:
        later.hand_off([], timeout_ms=300)

    assert caught.value.details["data_dir"] == str(data_dir)
    lock.unlock()


def test_malformed_request_dropped(qtbot, first: SingleInstance) -> None:
    received: list[list[Path]] = []
    first.deliver_to(received.append)
    socket = QLocalSocket()
    socket.connectToServer(first.server_name)
    assert socket.waitForConnected(2000)

    socket.write(b'{"files": 42}\n')
    socket.flush()

    qtbot.waitUntil(lambda: socket.state() == QLocalSocket.LocalSocketState.UnconnectedState,
                    timeout=3000)
    assert received == []


def read_log(data_dir: Path) -> str:
    log_file = data_dir / "logs" / "meili_desktop.log"
    return log_file.read_text(encoding="utf-8") if log_file.exists() else ""


@pytest.mark.slow
def test_second_program_launch_hands_over(qtbot, data_dir: Path) -> None:
    from meili_desktop.services.setup import setup_provisional_township
    from meili_desktop.store.datafolder import open_store

    store = open_store(data_dir)
    setup_provisional_township(store, "临平区", "塘栖镇")
    store.dispose()
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
                   "XDG_CONFIG_HOME": str(data_dir.parent / "config")}
    command = [sys.executable, "-m", "meili_desktop", "--data-dir", str(data_dir)]
    first = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        qtbot.waitUntil(lambda: "listening for later launches" in read_log(data_dir),
                        timeout=30000)
        package = data_dir.parent / "下发 包.mldp"

        second = subprocess.run([*command, str(package)], cwd=ROOT, env=environment,
                                capture_output=True, timeout=60)

        assert second.returncode == 0, second.stderr.decode("utf-8", "replace")
        qtbot.waitUntil(lambda: "a later launch asked to open 1 files" in read_log(data_dir),
                        timeout=10000)
        assert first.poll() is None
    finally:
        first.kill()
        first.wait(10)
    assert "handed 1 files to the running instance" in read_log(data_dir)
