"""Standard output whose reader may go away before the command ends, as ``head`` does.

A write to a pipe whose reader has closed raises BrokenPipeError. Python's documentation
(the "Note on SIGPIPE" in the ``signal`` module) recommends catching it, pointing standard
output at ``os.devnull`` so that the interpreter's flush at exit does not fail again, and
exiting with status 1. :func:`closable_stdout` turns only standard output's BrokenPipeError
into :class:`OutputClosedError`, so a broken pipe to a worker process is still an error.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import sys
from collections.abc import Iterator
from typing import Any, TextIO

logger = logging.getLogger(__name__)

# The exit status of a command whose output reader went away, as in Python's documentation.
OUTPUT_CLOSED_STATUS = 1


class OutputClosedError(Exception):
    """The reader of standard output closed the pipe before the command finished writing."""


class _ClosableOutput:
    """Standard output that raises OutputClosedError where the stream raises BrokenPipeError."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError as error:
            raise OutputClosedError() from error

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError as error:
            raise OutputClosedError() from error

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def closable_stdout() -> Iterator[None]:
    """Replace ``sys.stdout`` while the block runs; restore the caller's stream after it."""
    original = sys.stdout
    sys.stdout = _ClosableOutput(original)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout = original


def discard_further_output() -> None:
    """Point standard output's file descriptor at ``os.devnull`` after its reader went away.

    A stream without a file descriptor, such as a test's capture, is left as it is.
    """
    try:
        descriptor = sys.__stdout__.fileno() if sys.__stdout__ is not None else None
    except (OSError, ValueError, io.UnsupportedOperation):
        descriptor = None
    if descriptor is None:
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, descriptor)
    finally:
        os.close(devnull)
