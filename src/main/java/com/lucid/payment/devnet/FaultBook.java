package com.lucid.payment.devnet;

import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The faults in force; each use of a limited fault counts down until it is gone. */
final class FaultBook {
  private final Map<String, Active> active = new LinkedHashMap<>();
  private long nextId = 1;

  synchronized String add(DevnetFault fault) {
    String id = "fault-" + nextId++;
    active.put(id, new Active(fault, fault.times()));
    return id;
  }

  synchronized boolean remove(String id) {
    return active.remove(id) != null;
  }

  synchronized int clear() {
    int count = active.size();
    active.clear();
    return count;
  }

  /** Faults in force by id, `times` showing the uses left. */
  synchronized Map<String, DevnetFault> list() {
    Map<String, DevnetFault> list = new LinkedHashMap<>();
    active.forEach((id, a) -> list.put(id, a.fault.times(a.left)));
    return list;
  }

  /** Uses up the oldest fault of one of `types` that applies to `path`, or returns null. */
  synchronized DevnetFault take(String path, FaultType first, FaultType... more) {
    Set<FaultType> types = EnumSet.of(first, more);
    Iterator<Active> it = active.values().iterator();
    while (it.hasNext()) {
      Active a = it.next();
      if (types.contains(a.fault.type()) && a.fault.appliesTo(path)) {
        if (a.left > 0 && --a.left == 0) {
          it.remove();
        }
        return a.fault;
      }
    }
    return null;
  }

  /** Whether this block slot is skipped; each skipped slot uses up a limited pause. */
  boolean skipBlock() {
    return take("", FaultType.PAUSE_BLOCKS) != null;
  }

  private static final class Active {
    final DevnetFault fault;
    int left;

    Active(DevnetFault fault, int left) {
      this.fault = fault;
      this.left = left;
    }
  }
}
