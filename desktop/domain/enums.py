"""Closed vocabularies of the interchange format (the values are the wire names)."""

from __future__ import annotations

from enum import StrEnum


class PersonKind(StrEnum):
    PERSON = "person"
    ENTREPRENEUR = "entrepreneur"  # индивидуальный предприниматель (interchange version 2)
    ORGANISATION = "organisation"


class IncidentKind(StrEnum):
    UAV_DEBRIS = "uav_debris"
    UAV_STRIKE = "uav_strike"
    OTHER = "other"


class IncidentStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Severity(StrEnum):
    MINOR = "minor"
    MODERATE = "moderate"
    SEVERE = "severe"
    DESTROYED = "destroyed"


class PropertyKind(StrEnum):
    DWELLING = "dwelling"
    OUTBUILDING = "outbuilding"
    COMMERCIAL = "commercial"
    INFRASTRUCTURE = "infrastructure"
    OTHER = "other"


class ClaimKind(StrEnum):
    DAMAGE_COMPENSATION = "damage_compensation"
    REPAIR_ASSISTANCE = "repair_assistance"
    FINANCIAL_AID = "financial_aid"
    OTHER = "other"


class ClaimStatus(StrEnum):
    RECEIVED = "received"
    DOCUMENTS_REQUESTED = "documents_requested"
    UNDER_REVIEW = "under_review"
    APPROVED = "approved"
    REJECTED = "rejected"
    PAID = "paid"
    WITHDRAWN = "withdrawn"


class ReceivedVia(StrEnum):
    """How an application came (interchange v2 `received_via`)."""

    IN_PERSON = "in_person"
    POST = "post"
    MFC = "mfc"
    GOSUSLUGI = "gosuslugi"
    EMAIL = "email"
    OTHER = "other"


class DocumentKind(StrEnum):
    APPLICATION = "application"
    IDENTITY_DOCUMENT = "identity_document"
    PERSONAL_DATA_CONSENT = "personal_data_consent"
    VEHICLE_REGISTRATION = "vehicle_registration"
    OWNERSHIP_PROOF = "ownership_proof"
    DAMAGE_ASSESSMENT = "damage_assessment"
    EXPERT_ASSESSMENT = "expert_assessment"
    POLICE_REPORT = "police_report"
    VICTIM_RECOGNITION = "victim_recognition"
    INSURANCE_CERTIFICATE = "insurance_certificate"
    PHOTOS = "photos"
    BANK_DETAILS = "bank_details"
    OTHER = "other"
