; WUBDesk installer (NSIS 3, Debian's `nsis` package). Built by
; scripts/windows-build.sh, which passes:
;   VERSION     shown version, e.g. v0.1.0 or 0.1.0+1a2b3c4
;   NUMVERSION  four numbers for the file's version resource, e.g. 0.1.0.3
;   STAGE       folder with wubdesk.exe, wubdesk.ico, PEMBERITAHUAN.txt, Referensi\
;   OUTFILE     the installer to write
;
; Per-user install: no administrator rights, nothing outside the user's
; profile. The clerk's data (%AppData%\WUBDesk: database and backups) is
; never written or removed here; the uninstaller leaves it in place.
; Keep this file ASCII: makensis reads it in the build machine's code page.

Unicode true
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user
ManifestDPIAware true

!define APPNAME "WUBDesk"
!define PUBLISHER "Pemerintah Kabupaten Pamekasan"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\WUBDesk"
!define REGKEY "Software\WUBDesk"

Name "${APPNAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\WUBDesk"
InstallDirRegKey HKCU "${REGKEY}" "InstallDir"
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${NUMVERSION}"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "Pemasang ${APPNAME}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${STAGE}\wubdesk.ico"
!define MUI_UNICON "${STAGE}\wubdesk.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\wubdesk.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Jalankan WUBDesk sekarang"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Indonesian"

Section "WUBDesk" SecMain
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; An open WUBDesk locks wubdesk.exe: ask to close it instead of failing.
  SetOverwrite try
  retry:
  ClearErrors
  File "${STAGE}\wubdesk.exe"
  IfErrors 0 copied
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "WUBDesk sedang terbuka. Tutup WUBDesk, lalu klik Coba Lagi (Retry)." /SD IDCANCEL IDRETRY retry
    Abort "WUBDesk sedang terbuka; pemasangan dibatalkan."
  copied:
  SetOverwrite on
  File "${STAGE}\wubdesk.ico"
  File "${STAGE}\PEMBERITAHUAN.txt"
  SetOutPath "$INSTDIR\Referensi"
  File "${STAGE}\Referensi\*.*"
  SetOutPath "$INSTDIR"

  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\WUBDesk.lnk" "$INSTDIR\wubdesk.exe" "" "$INSTDIR\wubdesk.exe" 0
  CreateShortcut "$DESKTOP\WUBDesk.lnk" "$INSTDIR\wubdesk.exe" "" "$INSTDIR\wubdesk.exe" 0

  WriteRegStr HKCU "${REGKEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\wubdesk.exe,0"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" "$0"
SectionEnd

; Removes exactly what the installer put there, never a whole folder tree:
; the folder may have been chosen by hand, and %AppData%\WUBDesk (the
; database and its backups) must survive.
Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\WUBDesk.lnk"
  Delete "$DESKTOP\WUBDesk.lnk"
  Delete "$INSTDIR\wubdesk.exe"
  Delete "$INSTDIR\wubdesk.ico"
  Delete "$INSTDIR\PEMBERITAHUAN.txt"
  Delete "$INSTDIR\Referensi\*.csv"
  Delete "$INSTDIR\Referensi\*.md"
  RMDir "$INSTDIR\Referensi"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "${REGKEY}"
SectionEnd

Function un.onUninstSuccess
  MessageBox MB_OK|MB_ICONINFORMATION "WUBDesk sudah dihapus. Data Anda (basis data dan cadangan) tetap tersimpan di $APPDATA\WUBDesk; bila WUBDesk dipasang lagi, data itu terbuka kembali." /SD IDOK
FunctionEnd
