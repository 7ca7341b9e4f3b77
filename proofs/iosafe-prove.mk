# SPDX-License-Identifier: MIT
# proofs/iosafe-prove.mk: iosafe-prove, the command that proves a user's own
# code against iosafe's contracts (proofs/iosafe-prove.py), its installation
# and its test (check-prove-client).  Included by the top-level GNUmakefile.
#
#   $(BUILD)/bin/iosafe-prove        runs from the source tree (include/,
#                                    acsl/, proofs/why3/)
#   $(DESTDIR)$(bindir)/iosafe-prove the installed one: finds $(includedir)
#                                    (headers, contracts, the ACSL model that
#                                    install-acsl puts there) and
#                                    $(datarootdir)/iosafe/why3/ through paths
#                                    relative to its own folder, so a moved
#                                    or DESTDIR-staged tree works

PROVE_CMD_SRC := proofs/iosafe-prove.py
PROVE_CMD_BIN := $(BUILD)/bin/iosafe-prove
PROVE_WHY3_DATA := proofs/why3/cvc5.conf.in proofs/why3/cvc5.drv.in
PROVE_CMD_PYTHON ?= $(if $(wildcard /usr/bin/python3),/usr/bin/python3,/usr/bin/env python3)
PROVE_CMD_INSTALLED := $(DESTDIR)$(bindir)/iosafe-prove \
	$(PROVE_WHY3_DATA:proofs/why3/%=$(DESTDIR)$(datarootdir)/iosafe/why3/%)

ALL_TARGETS += prove-cmd
CHECK_TARGETS += check-prove-client
INSTALL_TARGETS += install-prove-cmd
UNINSTALL_TARGETS += uninstall-prove-cmd
.PHONY: prove-cmd check-prove-client install-prove-cmd uninstall-prove-cmd

prove-cmd: $(PROVE_CMD_BIN)

$(PROVE_CMD_BIN): $(PROVE_CMD_SRC)
	$(quiet) GEN $@
	$(Q)mkdir -p $(@D)
	$(Q)sed -e '1s|^#!/usr/bin/env python3$$|#!$(PROVE_CMD_PYTHON)|' \
	    -e 's|@REL_INCLUDEDIR@|$(call relpath,$(abspath include),$(abspath $(@D)))|' \
	    -e 's|@REL_DATADIR@|$(call relpath,$(abspath proofs),$(abspath $(@D)))|' $< > $@.tmp
	$(Q)chmod 755 $@.tmp && mv $@.tmp $@

install-prove-cmd: $(PROVE_CMD_SRC)
	$(quiet) INSTALL "$(DESTDIR)$(bindir)/iosafe-prove"
	$(Q)$(INSTALL) -d -m 755 $(DESTDIR)$(bindir) $(DESTDIR)$(datarootdir)/iosafe/why3
	$(Q)sed -e '1s|^#!/usr/bin/env python3$$|#!$(PROVE_CMD_PYTHON)|' \
	    -e 's|@REL_INCLUDEDIR@|$(call relpath,$(includedir),$(bindir))|' \
	    -e 's|@REL_DATADIR@|$(call relpath,$(datarootdir)/iosafe,$(bindir))|' \
	    $(PROVE_CMD_SRC) > $(DESTDIR)$(bindir)/iosafe-prove
	$(Q)chmod 755 $(DESTDIR)$(bindir)/iosafe-prove
	$(Q)$(INSTALL) -m 644 $(PROVE_WHY3_DATA) $(DESTDIR)$(datarootdir)/iosafe/why3/

uninstall-prove-cmd:
	$(quiet) UNINSTALL "$(DESTDIR)$(bindir)/iosafe-prove"
	$(Q)rm -f $(PROVE_CMD_INSTALLED)
	$(Q)rmdir $(DESTDIR)$(datarootdir)/iosafe/why3 $(DESTDIR)$(datarootdir)/iosafe 2>/dev/null || true

# The installed command, run as a user runs it: from a DESTDIR install, then
# moved elsewhere (tests/prove/check.sh).
check-prove-client: all
	$(quiet) TEST "iosafe-prove (installed, moved)"
	$(Q)MAKE="$(MAKE)" V=$(V) bash tests/prove/check.sh
