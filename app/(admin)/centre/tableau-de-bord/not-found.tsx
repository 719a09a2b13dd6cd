import { ReportsNotFound } from "../../../(manager)/etablissement/_components/reports-not-found";

export default ReportsNotFound;
