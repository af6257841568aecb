/* A stand-in for bcryptprimitives.dll, for testing plantrack.exe under Wine only (it is
 * never shipped). Rust's standard library on Windows asks ProcessPrng for random bytes
 * (HashMap seeds); Windows 10 and later have it, Debian's Wine 8 does not, so the .exe
 * would not start. This forwards to RtlGenRandom (advapi32's SystemFunction036), which
 * Wine has. Built by scripts/windows-build.sh with mingw. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
