import gc

import pytest

from egov.lib.bulk import cyclic_gc_paused


def test_the_collector_is_paused_inside_and_running_again_after():
    assert gc.isenabled()
    with cyclic_gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_it_runs_again_after_an_error_and_stays_paused_in_nested_use():
    @cyclic_gc_paused()
    def failing() -> None:
        with cyclic_gc_paused():
            pass
        assert not gc.isenabled()  # the inner block did not switch it back on
        raise ValueError("bad file")

    with pytest.raises(ValueError, match="bad file"):
        failing()
    assert gc.isenabled()


def test_it_leaves_a_collector_switched_off_by_the_caller_off():
    gc.disable()
    try:
        with cyclic_gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
