# SPDX-License-Identifier: MIT
# analyzer-plugin/plugin.mk: the Clang Static Analyzer plugin (checkers
# iosafe.Ownership, iosafe.PosixFd, iosafe.WinHandle) and its -verify tests (tests/analyzer).
# Included by the top-level GNUmakefile.
#
# The plugin is built against the installed Clang/LLVM 19 (llvm-config-19)
# and is not linked with libclang-cpp or libLLVM: Debian's clang-19 binary
# already has both loaded (it links them dynamically), and a second copy
# in the plugin would duplicate LLVM's global registries.  Undefined symbols
# resolve from the clang process at load time.

IOSAFE_PLUGIN := $(BUILD)/plugin/iosafe-plugin.so

PLUGIN_SRCS := $(wildcard analyzer-plugin/*.cpp)
PLUGIN_HDRS := $(wildcard analyzer-plugin/*.h)
PLUGIN_OBJS := $(PLUGIN_SRCS:analyzer-plugin/%.cpp=$(BUILD)/plugin/obj/%.o)

# llvm-config's flags first (they carry -std=c++17 -fno-exceptions), then
# ours, then the user's, which are appended, never replaced.
PLUGIN_LLVM_CXXFLAGS := $(shell $(LLVM_CONFIG) --cxxflags 2>/dev/null)
PLUGIN_CXXFLAGS := $(PLUGIN_LLVM_CXXFLAGS) -std=c++17 -fPIC -fno-rtti \
	-fvisibility-inlines-hidden -Wall -Wextra -Wno-unused-parameter -O2 -g

ALL_TARGETS += plugin
CHECK_TARGETS += check-analyzer check-format-plugin
INSTALL_TARGETS += install-plugin
UNINSTALL_TARGETS += uninstall-plugin

.PHONY: plugin check-analyzer install-plugin uninstall-plugin \
	format-plugin check-format-plugin
plugin: $(IOSAFE_PLUGIN)

$(BUILD)/plugin/obj/%.o: analyzer-plugin/%.cpp $(PLUGIN_HDRS)
	$(quiet) CXX $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CLANGXX) $(PLUGIN_CXXFLAGS) $(CXXFLAGS) -c $< -o $@

$(IOSAFE_PLUGIN): $(PLUGIN_OBJS)
	$(quiet) LD $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CLANGXX) -shared $(LDFLAGS) -o $@ $^

# The -verify tests: tests/analyzer/run.sh runs clang-19 -cc1 -analyze with
# the plugin over every tests/analyzer/*.c and counts files and cases.
check-analyzer: $(IOSAFE_PLUGIN)
	$(quiet) TEST tests/analyzer
	$(Q)CLANG=$(CLANG) bash tests/analyzer/run.sh $(IOSAFE_PLUGIN)

PLUGIN_INSTALLED := $(DESTDIR)$(libdir)/iosafe/iosafe-plugin.so

install-plugin: $(IOSAFE_PLUGIN)
	$(quiet) INSTALL $(PLUGIN_INSTALLED)
	$(Q)$(INSTALL) -d -m 755 $(DESTDIR)$(libdir)/iosafe
	$(Q)$(INSTALL) -m 755 $(IOSAFE_PLUGIN) $(PLUGIN_INSTALLED)

uninstall-plugin:
	$(quiet) UNINSTALL $(PLUGIN_INSTALLED)
	$(Q)rm -f $(PLUGIN_INSTALLED)
	$(Q)rmdir $(DESTDIR)$(libdir)/iosafe 2>/dev/null || true

# The plugin's style is analyzer-plugin/.clang-format (LLVM's), applied by
# clang-format 19 (Debian package clang-format-19).
CLANG_FORMAT ?= clang-format-19

format-plugin:
	$(quiet) FORMAT analyzer-plugin
	$(Q)$(CLANG_FORMAT) -i $(PLUGIN_SRCS) $(PLUGIN_HDRS)

check-format-plugin:
	$(quiet) FORMAT analyzer-plugin
	$(Q)$(CLANG_FORMAT) --dry-run -Werror $(PLUGIN_SRCS) $(PLUGIN_HDRS)
