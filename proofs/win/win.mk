# SPDX-License-Identifier: MIT
# proofs/win/win.mk: Frama-C/WP proofs of the Windows handle core
# (src/win/handle.c, src/win/error.c and the inline functions of
# include/iosafe/win.h) in the handle-table model (acsl/iosafe_win_acsl.h),
# over the trusted Win32 contracts of acsl/iosafe_win32.h.  Included by the
# top-level GNUmakefile after proofs/proofs.mk, whose flags and prove_wp it
# uses.  See proofs/win/README.md.
#
#   make prove-win   shim check, then WP with prove's flags; every goal and
#                    smoke test must pass (good clients: a second run for
#                    their smoke tests, as in proofs.mk), the faulty clients
#                    must fail

.PHONY: prove-win
CHECK_TARGETS += prove-win

# Frama-C reads the shims of acsl/win/ for <windows.h> and the rest, with
# _WIN32 defined as mingw-w64 defines it.
PROVE_WIN_FC_FLAGS := $(subst -Iacsl/libc,-D_WIN32 -Iacsl/win,$(PROVE_FC_FLAGS))
# -wp-no-init-const: no goal may rest on the rows of the error table (120
# initialisers in every goal of iosafe_win_error_to_errno); its contract
# follows from the code alone.
PROVE_WIN_WP_FLAGS := $(PROVE_WP_FLAGS) -wp-no-init-const
PROVE_WIN_SRCS := src/win/handle.c src/win/error.c src/win/io.c src/win/sock.c src/win/crt.c
PROVE_WIN_SRCS += src/win/filelike.c
PROVE_WIN_GOOD := $(sort $(wildcard proofs/win/clients/good_*.c))
PROVE_WIN_BAD  := $(sort $(wildcard proofs/win/clients/bad_*.c))
PROVE_WIN := $(BUILD)/proofs/win

# One run: $(call prove_win_wp,name,sources,extra flags); as proofs.mk's
# prove_wp, with the Windows flags and its own output directory.
prove_win_wp = $(subst $(PROOFS)/$(1),$(PROVE_WIN)/$(1),$(subst $(PROVE_FC_FLAGS),$(PROVE_WIN_FC_FLAGS),$(subst $(PROVE_WP_FLAGS),$(PROVE_WIN_WP_FLAGS),$(call prove_wp,$(1),$(2),$(3),$(4)))))

# The prover results come from and go to proofs.mk's WP cache (one
# directory per step limit): `make prove-full` runs this too before it packs
# the cache into proofs/wp-cache.txt.
prove-win: $(PROOFS)/why3.conf
	$(Q)bash proofs/win/shim_check.sh $(WIN_CC) $(PROVE_WIN)
	$(Q)$(if $(filter 1,$(PROVE_FULL)),true,$(PROVE_CHECK) cache-unpack $(PROVE_CACHE_TXT) $(PROVE_CACHE_DIR))
	$(Q)rm -rf $(PROVE_WIN)/core $(PROVE_WIN)/good_* $(PROVE_WIN)/bad_*
	$(Q)start=$$(date +%s); \
	  $(call prove_win_wp,core,$(PROVE_WIN_SRCS),,$(PROVE_STEPS)) && \
	  $(PROVE_CHECK) proved win-core $(PROVE_WIN)/core/wp.json $(PROVE_WIN)/core/wp.log && \
	  $(foreach c,$(PROVE_WIN_GOOD),$(call prove_win_wp,$(call prove_name,$(c)),$(c),$(call prove_client_flags,$(c)),$(PROVE_CLIENT_STEPS)) && \
	    $(call prove_win_wp,$(call prove_name,$(c))-smoke,$(c),-wp-fct $(call prove_client_fcts,$(c)),$(PROVE_STEPS)) && \
	    $(PROVE_CHECK) proved win-$(call prove_name,$(c)) $(PROVE_WIN)/$(call prove_name,$(c))/wp.json \
	      $(PROVE_WIN)/$(call prove_name,$(c))/wp.log $(PROVE_WIN)/$(call prove_name,$(c))-smoke/wp.json &&) \
	  $(foreach c,$(PROVE_WIN_BAD),$(call prove_win_wp,$(call prove_name,$(c)),$(c),$(call prove_client_flags,$(c)),$(PROVE_CLIENT_STEPS)) && \
	    $(PROVE_CHECK) fails win-$(call prove_name,$(c)) $(PROVE_WIN)/$(call prove_name,$(c))/wp.json \
	      $(PROVE_WIN)/$(call prove_name,$(c))/wp.log $(c) &&) \
	  echo "  TIME     prove-win: $$(( $$(date +%s) - start )) s"
