/*
 * bcryptprimitives.dll stub for the Wine smoke test ONLY; never shipped.
 *
 * Go 1.24+ Windows programs get random bytes from ProcessPrng in
 * bcryptprimitives.dll. Real Windows 10/11 has it; Debian 12's Wine 8.0 does
 * not, and the program dies at start with "bcryptprimitives.dll not found".
 * scripts/windows-smoke.sh compiles this file with mingw-w64 and copies the
 * DLL into the throw-away Wine prefix only when the prefix lacks the DLL.
 */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    /* BCryptGenRandom takes a ULONG length: feed large requests in chunks. */
    while (len > 0) {
        ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (BCryptGenRandom(NULL, data, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, LPVOID reserved)
{
    (void)inst; (void)reason; (void)reserved;
    return TRUE;
}
