// The organizations' portal: plain pages over the gateway's JSON API, with the token from the
// Identity service's password grant (public client "portal"). Data is only ever written as text,
// never as HTML, so nothing an organization types can run in another reader's page.
"use strict";

const session = {
  get token() { return sessionStorage.getItem("token"); },
  set token(value) { value ? sessionStorage.setItem("token", value) : sessionStorage.removeItem("token"); },
};

const $ = (id) => document.getElementById(id);
const states = {
  APPLICATION_STATE_DRAFT: "Draft", APPLICATION_STATE_SUBMITTED: "Submitted",
  APPLICATION_STATE_INFORMATION_REQUESTED: "Information requested", APPLICATION_STATE_LAPSED: "Lapsed",
  APPLICATION_STATE_INELIGIBLE: "Ineligible", APPLICATION_STATE_ELIGIBLE: "Eligible",
  APPLICATION_STATE_CIRCULATED: "Circulated to the States parties", APPLICATION_STATE_REFERRED: "Referred",
  APPLICATION_STATE_ADMITTED: "Admitted", APPLICATION_STATE_NOT_ADMITTED: "Not admitted", APPLICATION_STATE_WITHDRAWN: "Withdrawn",
};
const decided = ["APPLICATION_STATE_ADMITTED", "APPLICATION_STATE_NOT_ADMITTED", "APPLICATION_STATE_WITHDRAWN",
  "APPLICATION_STATE_INELIGIBLE", "APPLICATION_STATE_LAPSED"];
const categories = { STAKEHOLDER_CATEGORY_NGO: "Non-governmental organization", STAKEHOLDER_CATEGORY_ACADEMIA: "Academia",
  STAKEHOLDER_CATEGORY_PRIVATE_SECTOR: "Private sector", STAKEHOLDER_CATEGORY_OTHER: "Other" };
const ecosoc = { ECOSOC_STATUS_NONE: "None", ECOSOC_STATUS_GENERAL: "General", ECOSOC_STATUS_SPECIAL: "Special", ECOSOC_STATUS_ROSTER: "Roster" };

let organization = null;
const dialogues = new Map();

async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401) { signOut("Your session has ended; please sign in again."); throw new Error("Signed out"); }
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(payload.message || payload.error_description || `The request failed (${response.status}).`);
  return payload;
}

function say(message) { $("error").textContent = ""; $("status").textContent = message; }
function fail(error) { $("status").textContent = ""; $("error").textContent = error.message; }
const day = (timestamp) => timestamp ? new Date(timestamp).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }) : "";
function cell(row, text) { const td = row.insertCell(); td.textContent = text; return td; }
function button(label, onClick, secondary) {
  const b = document.createElement("button");
  b.type = "button"; b.textContent = label; if (secondary) b.className = "secondary";
  b.addEventListener("click", () => onClick().catch(fail));
  return b;
}
function formValues(form) { return Object.fromEntries(new FormData(form).entries()); }

function showSignedIn(signedIn) {
  $("welcome").hidden = signedIn;
  $("nav").hidden = !signedIn;
  for (const id of ["organization", "dialogues", "applications", "inbox"]) $(id).hidden = !signedIn;
}

// Says what happened before loading the pages, so that what loading says (an invitation
// accepted) is what the reader sees last.
async function signIn(email, password, message = "Signed in.") {
  const response = await fetch("/connect/token", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "password", client_id: "portal", username: email, password }),
  });
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(payload.error_description || "Sign-in failed.");
  session.token = payload.access_token;
  say(message);
  await load();
}

function signOut(message) {
  session.token = null;
  organization = null;
  showSignedIn(false);
  say(message || "You are signed out.");
}

async function load() {
  showSignedIn(true);
  await acceptPendingInvitation();
  await Promise.all([loadOrganization(), loadDialogues()]);
  await Promise.all([loadApplications(), loadInbox()]);
}

async function loadOrganization() {
  const { organizations = [] } = await api("GET", "/v1/organizations");
  organization = organizations[0] || null;
  $("organization-form").hidden = organization !== null;
  $("invite").hidden = organization === null;
  const profile = $("organization-profile");
  profile.hidden = organization === null;
  profile.replaceChildren();
  if (!organization) return;
  const rows = [["Name", organization.name], ["Acronym", organization.acronym], ["Category", categories[organization.category]],
    ["Country", organization.country], ["ECOSOC status", ecosoc[organization.ecosocStatus] || "None"],
    ["Website", organization.website], ["Areas of work", (organization.areasOfWork || []).join(", ")]];
  for (const [term, value] of rows) {
    const dt = document.createElement("dt"); dt.textContent = term;
    const dd = document.createElement("dd"); dd.textContent = value || "—";
    profile.append(dt, dd);
  }
}

async function loadDialogues() {
  const list = [];
  let pageToken = "";
  do {
    const page = await api("GET", `/v1/dialogues?openForRegistration=true&pageSize=200&pageToken=${encodeURIComponent(pageToken)}`);
    list.push(...(page.dialogues || []));
    pageToken = page.nextPageToken || "";
  } while (pageToken);
  for (const d of list) dialogues.set(d.dialogueId, d);
  const rows = $("dialogue-rows");
  rows.replaceChildren();
  for (const d of list) {
    const row = rows.insertRow();
    cell(row, `${d.workingGroup}, ${d.session}, dialogue on ${d.date}`);
    cell(row, d.venue);
    cell(row, day(d.registrationClosesAt));
    cell(row, "").append(button(`Apply to the ${d.workingGroup}, ${d.session}`, () => apply(d)));
  }
}

async function apply(dialogue) {
  if (!organization) throw new Error("Save your organization's profile first.");
  await api("POST", "/v1/applications", { organizationId: organization.organizationId, dialogueId: dialogue.dialogueId });
  say(`Application submitted to the ${dialogue.workingGroup}.`);
  await loadApplications();
}

function dialogueName(id) { const d = dialogues.get(id); return d ? `${d.workingGroup}, ${d.session}` : id; }

async function loadApplications() {
  const { applications = [] } = await api("GET", "/v1/applications");
  // Dialogues whose registration has closed are not in the open list: fetch their names.
  const missing = [...new Set(applications.map((a) => a.dialogueId))].filter((id) => !dialogues.has(id));
  for (const { dialogue } of await Promise.all(missing.map((id) => api("GET", `/v1/dialogues/${id}`)))) dialogues.set(dialogue.dialogueId, dialogue);
  const rows = $("application-rows");
  rows.replaceChildren();
  for (const a of applications) {
    const row = rows.insertRow();
    cell(row, dialogueName(a.dialogueId));
    const status = cell(row, states[a.state] || a.state);
    if (a.state === "APPLICATION_STATE_CIRCULATED" && a.objectionDeadline) status.append(` (objection period ends ${day(a.objectionDeadline)})`);
    if (a.objectionRaised) status.append(" — an objection was raised");
    cell(row, day(a.submittedAt));
    const actions = cell(row, "");
    actions.append(button("History", () => showHistory(a), true));
    if (a.state === "APPLICATION_STATE_INFORMATION_REQUESTED") actions.append(answerForm(a));
    if (!decided.includes(a.state)) actions.append(button("Withdraw", () => withdraw(a), true));
  }
}

function answerForm(application) {
  const form = document.createElement("form"); form.method = "post";
  const id = `answer-${application.applicationId}`;
  const label = document.createElement("label"); label.htmlFor = id; label.textContent = "Your answer to the secretariat";
  const text = document.createElement("textarea"); text.id = id; text.required = true; text.rows = 3;
  const send = document.createElement("button"); send.type = "submit"; send.textContent = "Send answer";
  form.append(label, text, send);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    api("POST", `/v1/applications/${application.applicationId}:answer`, { answer: text.value })
      .then(() => { say("Answer sent; your application is back in screening."); return loadApplications(); }).catch(fail);
  });
  return form;
}

async function withdraw(application) {
  await api("POST", `/v1/applications/${application.applicationId}:withdraw`, { reason: "Withdrawn by the organization through the portal" });
  say("Application withdrawn.");
  await loadApplications();
}

async function showHistory(application) {
  const { changes = [] } = await api("GET", `/v1/applications/${application.applicationId}/history`);
  const list = $("history-list");
  list.replaceChildren(...changes.map((c) => {
    const item = document.createElement("li");
    item.textContent = `${day(c.at)}: ${states[c.to] || c.to}${c.reason ? ` — ${c.reason}` : ""}`;
    return item;
  }));
  $("history-title").textContent = `History of the application to the ${dialogueName(application.dialogueId)}`;
  $("history").hidden = false;
  $("history-title").focus();
}

async function loadInbox() {
  const [{ notices = [] }, { unread = 0 }] = await Promise.all([api("GET", "/v1/inbox/notices"), api("GET", "/v1/inbox/unread-count")]);
  $("unread").textContent = unread > 0 ? `${unread} unread` : "";
  $("notices").replaceChildren(...notices.map((n) => {
    const item = document.createElement("li");
    if (!n.read) item.className = "unread";
    const title = document.createElement("h3"); title.textContent = n.subject;
    const when = document.createElement("p"); when.className = "hint"; when.textContent = day(n.createdAt);
    const body = document.createElement("pre"); body.textContent = n.body;
    item.append(title, when, body);
    if (!n.read) item.append(button("Mark as read", async () => { await api("POST", `/v1/inbox/notices/${n.noticeId}:markRead`, {}); await loadInbox(); }, true));
    return item;
  }));
}

// An invitation link (/?invitation=CODE) is kept until the colleague has signed in, then accepted.
async function acceptPendingInvitation() {
  const code = sessionStorage.getItem("invitation");
  if (!code) return;
  sessionStorage.removeItem("invitation");
  const { organization: joined } = await api("POST", "/v1/invitations:accept", { code });
  say(`You have joined ${joined.name}.`);
}

function showConfirmation(email, code) {
  $("confirm").hidden = false;
  $("confirm-email").value = email || "";
  $("confirm-code").value = code || "";
  $("confirm-code").focus();
}

function onSubmit(id, handler) {
  $(id).addEventListener("submit", (event) => { event.preventDefault(); handler(event.target).catch(fail); });
}

document.addEventListener("DOMContentLoaded", () => {
  onSubmit("sign-in", async (form) => { const v = formValues(form); await signIn(v.username, v.password); });
  onSubmit("sign-up", async (form) => {
    const v = formValues(form);
    await api("POST", "/v1/accounts", v);
    try {
      await signIn(v.email, v.password, "Account created; you are signed in. Now describe your organization.");
    } catch (error) {
      if (!/not confirmed/i.test(error.message)) throw error;
      showConfirmation(v.email);
      say(`Account created. We sent a confirmation code to ${v.email}: enter it below, then sign in.`);
    }
  });
  onSubmit("confirm", async (form) => {
    await api("POST", "/v1/accounts:confirmEmail", formValues(form));
    $("confirm").hidden = true;
    $("sign-in-email").value = $("confirm-email").value;
    $("sign-in-password").focus();
    say("Your e-mail address is confirmed: sign in.");
  });
  onSubmit("invite", async (form) => {
    const v = formValues(form);
    await api("POST", `/v1/organizations/${organization.organizationId}/invitations`, v);
    form.reset();
    say(`Invitation sent to ${v.email}.`);
  });
  onSubmit("organization-form", async (form) => {
    const v = formValues(form);
    await api("POST", "/v1/organizations", {
      ...v, country: v.country.toUpperCase(),
      areasOfWork: v.areasOfWork.split(",").map((s) => s.trim()).filter(Boolean),
    });
    await loadOrganization();
    say("Profile saved.");
  });
  $("sign-out").addEventListener("click", () => signOut());
  // Links from e-mails: /?email=...&code=... confirms an address, /?invitation=... joins an organization.
  const query = new URLSearchParams(location.search);
  if (query.has("invitation")) sessionStorage.setItem("invitation", query.get("invitation"));
  if (query.has("code") && query.has("email")) showConfirmation(query.get("email"), query.get("code"));
  if (query.size > 0) history.replaceState(null, "", "/");
  if (query.has("invitation") && !session.token) say("Sign in, or create an account with the invited address, to join the organization.");
  if (session.token) load().catch(fail);
});
