// The negotiation page's compliance part (ADR 37), a chunk of its own loaded with the page's part.
export { CarrierCompliancePanel, GateRefusalAdvice } from './CarrierCompliancePanel';
