.PHONY: run test lint dist icons clean-dist
PYTHON_VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -n1)
ARCH := $(shell uname -m)
TARBALL := dist/beacon-$(PYTHON_VERSION)-linux-$(ARCH).tar.gz

run:
	./scripts/run
test:
	./scripts/test
lint:
	.venv/bin/ruff check .

# The Linux one-folder bundle dist/beacon/ (with share/ icons and menu entry, install.sh, uninstall.sh)
# and its tarball; prints the build time and sizes.
dist:
	EXTRAS="[dist]" sh scripts/_venv.sh
	@start=$$(date +%s); \
	.venv/bin/python installer/render_icons.py build/icons && \
	.venv/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
	    installer/beacon.spec && \
	mkdir -p dist/beacon/share/applications dist/beacon/share/icons && \
	cp installer/linux/beacon.desktop dist/beacon/share/applications/ && \
	cp -r build/icons/hicolor dist/beacon/share/icons/ && \
	install -m 755 installer/linux/install.sh installer/linux/uninstall.sh dist/beacon/ && \
	tar -C dist -czf $(TARBALL) beacon && \
	echo "dist: built in $$(( $$(date +%s) - start )) s" && \
	echo "dist: dist/beacon/ is $$(du -sm dist/beacon | cut -f1) MB; $(TARBALL) is $$(du -sm $(TARBALL) | cut -f1) MB"

clean-dist:
	rm -rf dist build/pyinstaller build/icons
