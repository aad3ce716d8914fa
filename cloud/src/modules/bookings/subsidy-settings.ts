import type { EntityManager } from 'typeorm';
import { BOOKINGS_SETTINGS, subsidyTierOf, type BookingsSettings, type SubsidyTier } from '@hg/types';
import { readSettings } from '../settings/public';

/**
 * The city's meal subsidy (the `bookings` settings section: tiers' amounts and names, the 高龄
 * age), read once per request and passed to whatever prices or names a tier in it. A booking
 * stores the price it was made at, so a changed subsidy applies to bookings made afterwards (and
 * to the re-pricing of untaken bookings when the centre verifies an elder), never to meals already
 * booked at a verified status.
 */
export const readSubsidySettings = (em: EntityManager): Promise<BookingsSettings> => readSettings(em, BOOKINGS_SETTINGS);

/** The name the city gives a tier (null: no tier). */
export const tierLabelOf = (settings: BookingsSettings, tier: SubsidyTier | null): string | null => (tier ? subsidyTierOf(settings, tier).label : null);
