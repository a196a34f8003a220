package org.virtlab.engine.memory;

/**
 * A guest's write to its own paging structures, and why shadow paging turns it into a VM exit where EPT / NPT does
 * not: the hypervisor keeps the shadow tables the hardware walks in step with the guest's, so it must see every
 * change (virtualization.md §3; KVM's shadow MMU). With nested paging the hardware walks the guest's tables itself and
 * the guest writes CR3 and its entries without leaving guest mode.
 */
public enum PagingExit {
    /**
     * The guest OS switches to another process: MOV to CR3. Under shadow paging the hypervisor sets CR3-load exiting
     * and loads the shadow root of that process (Intel SDM vol. 3C, exit reason 28, "control-register accesses").
     */
    CR3_WRITE,
    /**
     * The guest OS changes a page-table entry. Under shadow paging the guest's table pages are write-protected, so the
     * write faults into the hypervisor, which updates the shadow entry (exit reason 0, a #PF; or an EPT violation
     * where the host maps guest memory with EPT but shadows the guest's tables).
     */
    PAGE_TABLE_WRITE
}
