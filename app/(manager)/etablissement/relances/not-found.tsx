import { ReportsNotFound } from "../_components/reports-not-found";

export default ReportsNotFound;
