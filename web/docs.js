// The API's documentation: Swagger UI (npm swagger-ui-dist) on the
// document the API serves itself, so it always matches the running server.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  window.SwaggerUIBundle({ url: "/v1/openapi.json", dom_id: "#swagger-ui", deepLinking: true,
    tryItOutEnabled: false, supportedSubmitMethods: ["get", "head"] });
});
