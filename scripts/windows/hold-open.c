/* Holds a file open the way Excel does (no sharing) until its stdin closes: used by
 * scripts/windows-build.sh to check what plantrack.exe says when its output is open in
 * Excel. Test tool only. */
#include <windows.h>
#include <stdio.h>

int wmain(int argc, wchar_t **argv) {
    if (argc < 2) return 2;
    HANDLE h = CreateFileW(argv[1], GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                           FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE) return 1;
    printf("open\n");
    fflush(stdout);
    while (getchar() != EOF) {}
    CloseHandle(h);
    return 0;
}
