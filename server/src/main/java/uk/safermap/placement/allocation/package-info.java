/**
 * Doorbell allocation: ProMap-style household risk ({@link uk.safermap.placement.allocation.HouseholdRisk},
 * docs/methods.md 3.3) and an integer programme that honours phases and ward floors
 * ({@link uk.safermap.placement.allocation.DoorbellAllocator}).
 */
package uk.safermap.placement.allocation;
