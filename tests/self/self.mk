# SPDX-License-Identifier: MIT
# tests/self/self.mk: iosafe's checker over iosafe itself (check-self): the
# library's sources through the compilation database the build writes
# ($(BUILD)/compile_commands.json, src/lib.mk) and the examples through
# theirs, as a user's CI runs it.  Both must be clean: exit 0.  Included by
# the top-level GNUmakefile after the driver's and the examples' fragments.
CHECK_TARGETS += check-self
.PHONY: check-self
check-self: lib $(DRIVER_BIN) $(IOSAFE_PLUGIN) $(EXAMPLE_CDB)
	$(quiet) CHECK "iosafe-check -p $(BUILD)/ and -p $(dir $(EXAMPLE_CDB))"
	$(Q)$(DRIVER_BIN) -p $(BUILD)/
	$(Q)$(DRIVER_BIN) -p $(EXAMPLE_CDB)
