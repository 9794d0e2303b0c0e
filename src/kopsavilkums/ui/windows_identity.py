"""Windows only: does a file, or the process at the other end of a named pipe, belong to the user
running this program? Compared by security identifier (SID) with this process's token user.

Plain ctypes; imported only on Windows (the POSIX side uses file modes, ``fstat`` and peer
credentials instead). The tests run on Linux and cannot exercise it, so it is kept small, and
every failure answers False: the caller then goes without (no code cache, no hand-over), which
costs time or a second window but never trusts what it could not check. Imports no Qt.
"""

from __future__ import annotations

import ctypes
import functools
import sys
from ctypes import wintypes

assert sys.platform == "win32"  # also tells type checkers on other systems to skip the rest

_advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)
_kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)

_TOKEN_QUERY = 0x0008
_TOKEN_USER = 1  # TOKEN_INFORMATION_CLASS.TokenUser
_PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
_SE_FILE_OBJECT = 1
_OWNER_SECURITY_INFORMATION = 0x1
_PVOID = ctypes.c_void_p
_OUT_PVOID = ctypes.POINTER(ctypes.c_void_p)

_kernel32.GetCurrentProcess.restype = wintypes.HANDLE
_kernel32.GetCurrentProcess.argtypes = ()
_kernel32.OpenProcess.restype = wintypes.HANDLE
_kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
_kernel32.CloseHandle.argtypes = (wintypes.HANDLE,)
_kernel32.LocalFree.argtypes = (_PVOID,)
_kernel32.LocalFree.restype = _PVOID
for _name in ("GetNamedPipeServerProcessId", "GetNamedPipeClientProcessId"):
    getattr(_kernel32, _name).argtypes = (wintypes.HANDLE, ctypes.POINTER(wintypes.ULONG))
    getattr(_kernel32, _name).restype = wintypes.BOOL
_advapi32.OpenProcessToken.argtypes = (wintypes.HANDLE, wintypes.DWORD, ctypes.POINTER(wintypes.HANDLE))
_advapi32.OpenProcessToken.restype = wintypes.BOOL
_advapi32.GetTokenInformation.argtypes = (
    wintypes.HANDLE,
    ctypes.c_int,
    _PVOID,
    wintypes.DWORD,
    ctypes.POINTER(wintypes.DWORD),
)
_advapi32.GetTokenInformation.restype = wintypes.BOOL
_advapi32.IsValidSid.argtypes = (_PVOID,)
_advapi32.IsValidSid.restype = wintypes.BOOL
_advapi32.GetLengthSid.argtypes = (_PVOID,)
_advapi32.GetLengthSid.restype = wintypes.DWORD
_advapi32.GetSecurityInfo.argtypes = (
    wintypes.HANDLE,
    ctypes.c_int,
    wintypes.DWORD,
    _OUT_PVOID,  # owner SID (points into the descriptor)
    _OUT_PVOID,
    _OUT_PVOID,
    _OUT_PVOID,
    _OUT_PVOID,  # the security descriptor, freed with LocalFree
)
_advapi32.GetSecurityInfo.restype = wintypes.DWORD


def _sid_bytes(sid: int | None) -> bytes | None:
    """A SID as bytes: equal bytes are equal SIDs (what ``EqualSid`` compares)."""
    if not sid or not _advapi32.IsValidSid(sid):
        return None
    return ctypes.string_at(sid, _advapi32.GetLengthSid(sid))


def _token_user(process) -> bytes | None:
    token = wintypes.HANDLE()
    if not _advapi32.OpenProcessToken(process, _TOKEN_QUERY, ctypes.byref(token)):
        return None
    try:
        size = wintypes.DWORD()
        _advapi32.GetTokenInformation(token, _TOKEN_USER, None, 0, ctypes.byref(size))  # asks the size
        if not size.value:
            return None
        buffer = ctypes.create_string_buffer(size.value)
        if not _advapi32.GetTokenInformation(token, _TOKEN_USER, buffer, size, ctypes.byref(size)):
            return None
        # TOKEN_USER is a SID_AND_ATTRIBUTES, whose first member is the address of the SID.
        return _sid_bytes(ctypes.c_void_p.from_buffer(buffer).value)
    finally:
        _kernel32.CloseHandle(token)


@functools.cache
def my_sid() -> bytes | None:
    return _token_user(_kernel32.GetCurrentProcess())


def _is_mine(sid: bytes | None) -> bool:
    mine = my_sid()
    return mine is not None and sid == mine


def process_is_mine(pid: int) -> bool:
    process = _kernel32.OpenProcess(_PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    if not process:
        return False
    try:
        return _is_mine(_token_user(process))
    finally:
        _kernel32.CloseHandle(process)


def pipe_peer_is_us(handle: int, server_side: bool) -> bool:
    """The process at the other end of a connected named pipe runs as this user."""
    pid = wintypes.ULONG()
    query = _kernel32.GetNamedPipeClientProcessId if server_side else _kernel32.GetNamedPipeServerProcessId
    if not query(handle, ctypes.byref(pid)):
        return False
    return process_is_mine(pid.value)


def file_is_mine(fd: int) -> bool:
    """The open file ``fd`` is owned by this user (an elevated administrator's files are owned by
    the Administrators group instead: those are not served, only compiled again)."""
    import msvcrt

    owner, descriptor = ctypes.c_void_p(), ctypes.c_void_p()
    status = _advapi32.GetSecurityInfo(
        msvcrt.get_osfhandle(fd),
        _SE_FILE_OBJECT,
        _OWNER_SECURITY_INFORMATION,
        ctypes.byref(owner),
        None,
        None,
        None,
        ctypes.byref(descriptor),
    )
    if status != 0:
        return False
    try:
        return _is_mine(_sid_bytes(owner.value))
    finally:
        _kernel32.LocalFree(descriptor)
