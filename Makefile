# WUBDesk. Every target builds with -tags migrated_fynedo (Fyne's fyne.Do
# threading model, declared in FyneApp.toml [Migrations]).
#
#   make build          Linux binary in build/wubdesk
#   make run            build and open on a demo database (scripts/run.sh)
#   make test           gofmt, vet, race tests, bounded fuzzing (scripts/test.sh)
#   make windows        dist/wubdesk.exe (cross-compiled with mingw-w64)
#   make installer      dist/WUBDesk-Setup-<version>.exe (NSIS, per user)
#   make zip            dist/WUBDesk-<version>-portable.zip
#   make windows-all    the three above
#   make windows-smoke  install and run the installer under Wine in Xvfb
#   make installer-shots  docs/screenshots/pemasang-*.png, copot-*.png (installer pages under Wine)
#   make screenshots    docs/screenshots/*.png (and cetak-*.png: the workbook's printed pages,
#                       scripts/print-screenshots.sh; dokumen-*.png: the PDF documents, scripts/pdf-screenshots.sh)
#   make clean          remove build/ and dist/
#
# The version is `git describe --tags --always --dirty` (see scripts/version.sh).

TAGS    := migrated_fynedo
VERSION := $(shell bash scripts/version.sh)
GOFLAGS_BUILD := -tags $(TAGS) -ldflags "-X main.version=$(VERSION)"

INSTALLER := dist/WUBDesk-Setup-$(VERSION).exe
ZIP       := dist/WUBDesk-$(VERSION)-portable.zip

.PHONY: build run test windows installer zip windows-all windows-smoke installer-shots screenshots clean version

build:
	bash scripts/deps.sh
	go build $(GOFLAGS_BUILD) -o build/wubdesk ./cmd/wubdesk

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

version:
	@echo $(VERSION)

# Go's build cache makes a repeated `make windows` take seconds; only the
# first (cold) build compiles the C code of GLFW and go-gl (6-8 minutes).
windows:
	bash scripts/windows-build.sh exe

installer: windows
	bash scripts/windows-build.sh installer

zip: windows
	bash scripts/windows-build.sh zip

windows-all: windows
	bash scripts/windows-build.sh installer
	bash scripts/windows-build.sh zip

windows-smoke: installer zip
	bash scripts/windows-smoke.sh $(INSTALLER) $(ZIP)

installer-shots: installer
	bash scripts/windows-installer-shots.sh $(INSTALLER)

screenshots:
	@if [ -f scripts/screenshots.sh ]; then bash scripts/screenshots.sh; \
	else echo "scripts/screenshots.sh belum ada: tangkapan layar dibuat oleh skrip itu."; fi
	bash scripts/print-screenshots.sh
	bash scripts/pdf-screenshots.sh

clean:
	rm -rf build dist
	rm -f cmd/wubdesk/*.syso
