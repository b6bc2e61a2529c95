using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Resolute.Web.Api;
using Resolute.Web.Hosting;
using Resolute.Web.Runs;
using Resolute.Web.Store;
using static Resolute.Web.Pages.Html;

namespace Resolute.Web.Pages;

/// <summary>The dashboard's pages: scenarios, the editor, runs with live progress, a run's briefing, and comparisons.</summary>
public static class PageEndpoints
{
    public static void MapPages(this WebApplication app)
    {
        var read = app.MapGroup("").RequireAuthorization(Roles.Read).ExcludeFromDescription();
        var edit = app.MapGroup("").RequireAuthorization(Roles.Edit).ExcludeFromDescription();

        read.MapGet("/", () => Results.Redirect("/scenarios"));
        read.MapGet("/scenarios", async (HttpContext ctx, ScenarioService s, CancellationToken ct) => ScenarioList(ctx, await s.ListAsync(ct)));
        read.MapGet("/scenarios/{id}", async (HttpContext ctx, string id, string? saved, ScenarioService s, CancellationToken ct) =>
        {
            var r = await s.GetAsync(id, ct);
            if (r is null) return Html.NotFound(ctx, $"No scenario '{id}'.");
            var (_, problems) = s.Validate(r.Yaml, r.Id);
            return Editor(ctx, r, r.Yaml, r.Revision, problems, saved is null ? null : $"Saved (revision {r.Revision}).", false);
        });
        edit.MapPost("/scenarios/{id}", async (HttpContext ctx, string id, [FromForm] string? yaml, [FromForm] int? revision, ScenarioService s, CancellationToken ct) =>
        {
            yaml ??= "";
            var result = await s.SaveAsync(id, yaml, revision, ApiEndpoints.User(ctx), ct);
            if (result.Outcome == SaveOutcome.Saved) return Results.Redirect($"/scenarios/{Uri.EscapeDataString(id)}?saved=1");
            var current = await s.GetAsync(id, ct);
            if (current is null) return Html.NotFound(ctx, $"No scenario '{id}'.");
            var message = result.Outcome == SaveOutcome.Invalid
                ? "Not saved: the scenario has errors (listed below, at their lines). Your text is kept."
                : "Not saved: " + result.Message;
            return Editor(ctx, current, yaml, revision ?? current.Revision, result.Problems, message, true, result.Outcome == SaveOutcome.Conflict ? 409 : 422);
        });
        edit.MapPost("/scenarios/{id}/upload", async (HttpContext ctx, string id, IFormFile? file, ScenarioService s, IOptions<ResoluteOptions> o, CancellationToken ct) =>
        {
            var current = await s.GetAsync(id, ct);
            if (current is null) return Html.NotFound(ctx, $"No scenario '{id}'.");
            if (file is null || file.Length == 0)
                return Editor(ctx, current, current.Yaml, current.Revision, [], "Not loaded: choose a YAML file to upload.", true, 400);
            if (file.Length > o.Value.MaxUploadBytes)
                return Editor(ctx, current, current.Yaml, current.Revision, [], Errors.TooLarge(file.Length, o.Value.MaxUploadBytes), true, 413);
            // Decoded strictly: a file that is not UTF-8 is refused at the bytes' line and column, not read with replacement characters.
            using var bytes = new MemoryStream();
            await file.CopyToAsync(bytes, ct);
            var bag = new Resolute.Domain.Diagnostics.DiagnosticBag();
            if (Resolute.Data.Text.TextInput.Decode(bytes.GetBuffer().AsSpan(0, (int)bytes.Length), id + ".yaml", bag) is not { } text)
                return Editor(ctx, current, current.Yaml, current.Revision, bag.Items.Select(ScenarioProblem.Of).ToList(),
                    $"Not loaded: {file.FileName} is not UTF-8 text (the problems below give the lines).", true, 422);
            var (_, problems) = s.Validate(text, id);
            return Editor(ctx, current, text, current.Revision, problems, $"Loaded {file.FileName} into the editor; it is not saved until you press Save.", false);
        });
        edit.MapPost("/scenarios/{id}/copy", async (HttpContext ctx, string id, [FromForm] string newId, ScenarioService s, CancellationToken ct) =>
        {
            var result = await s.CopyAsync(id, newId.Trim(), ApiEndpoints.User(ctx), ct);
            if (result.Outcome == SaveOutcome.Created) return Results.Redirect($"/scenarios/{Uri.EscapeDataString(result.Scenario!.Id)}?saved=1");
            var current = await s.GetAsync(id, ct);
            if (current is null) return Html.NotFound(ctx, $"No scenario '{id}'.");
            var why = result.Message ?? string.Join("; ", result.Problems.Select(p => p.Message));
            return Editor(ctx, current, current.Yaml, current.Revision, [], "Not copied: " + why, true, 409);
        });
        edit.MapPost("/scenarios/{id}/runs", async (HttpContext ctx, string id, [FromForm] string? from, RunService runs, ScenarioService s, CancellationToken ct) =>
        {
            var started = await runs.StartAsync(id, ApiEndpoints.User(ctx), ct);
            if (started.Run is { } run) return Results.Redirect($"/runs/{run.Id}");
            if (!started.IsRefused || await s.GetAsync(id, ct) is not { } current) return Html.NotFound(ctx, $"No scenario '{id}'.");
            var why = string.Join("; ", started.Refused.Select(d => d.Message));
            return Editor(ctx, current, current.Yaml, current.Revision, [], $"Not run: the run is larger than the server allows ({why}). Nothing was queued.", true, 422);
        });

        read.MapGet("/runs", async (HttpContext ctx, RunService runs, CancellationToken ct) => RunList(ctx, await runs.ListAsync(null, 200, ct)));
        read.MapGet("/runs/{id:long}", async (HttpContext ctx, long id, RunService runs, CancellationToken ct) =>
            await runs.GetSummaryAsync(id, ct) is { } run ? RunDetail(ctx, run, await runs.ListAsync(null, 50, ct)) : Html.NotFound(ctx, $"No run {id}."));
        read.MapGet("/runs/{id:long}/briefing", async (HttpContext ctx, long id, RunService runs, CancellationToken ct) =>
        {
            var run = await runs.GetAsync(id, ct);
            if (run is null) return Html.NotFound(ctx, $"No run {id}.");
            if (run.BriefingHtml is null) return Html.Page(ctx, "No briefing", $"<p>Run {id} has no briefing: its status is {E(run.Status.ToCode())}.</p>", status: 409);
            // The briefing runs its own scripts (map, charts): keep it in a sandbox without access to this site, running only
            // the scripts it was rendered with.
            ctx.Response.Headers.ContentSecurityPolicy = ContentSecurity.Briefing(run.BriefingHtml);
            return Results.Content(run.BriefingHtml, "text/html; charset=utf-8", Encoding.UTF8);
        });
        edit.MapPost("/runs/{id:long}/cancel", async (HttpContext ctx, long id, [FromForm] string? from, RunService runs, CancellationToken ct) =>
            await runs.CancelAsync(id, ct) == CancelOutcome.NotFound ? Html.NotFound(ctx, $"No run {id}.") : Results.Redirect($"/runs/{id}"));

        read.MapGet("/compare", async (HttpContext ctx, long? a, long? b, RunService runs, CancellationToken ct) =>
        {
            var list = await runs.ListAsync(null, 200, ct);
            if (a is not { } x || b is not { } y) return ComparePage(ctx, list, null, null, a, b);
            var (comparison, status, error) = await ApiEndpoints.CompareAsync(x, y, runs, ct);
            return ComparePage(ctx, list, comparison, comparison is null ? error : null, a, b, comparison is null ? status : 200);
        });
    }

    private static IResult ScenarioList(HttpContext ctx, List<ScenarioRecord> list)
    {
        var b = new StringBuilder("<h1>Scenarios</h1><table id=\"scenarios\"><thead><tr><th>Id</th><th>Name</th><th>Revision</th><th>Saved</th><th>By</th></tr></thead><tbody>");
        foreach (var s in list)
        {
            b.Append("<tr><td><a href=\"/scenarios/").Append(E(Uri.EscapeDataString(s.Id))).Append("\">").Append(E(s.Id)).Append("</a></td><td>").Append(E(s.Name))
                .Append("</td><td class=\"num\">").Append(s.Revision.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(Time(s.UpdatedUtc))
                .Append("</td><td>").Append(E(s.UpdatedBy)).Append("</td></tr>");
        }
        b.Append("</tbody></table>");
        if (!Can(ctx, Roles.Edit)) b.Append("<p class=\"notice\">You have read-only access: analysts edit and run scenarios.</p>");
        return Page(ctx, "Scenarios", b.ToString());
    }

    private static IResult Editor(HttpContext ctx, ScenarioRecord s, string text, int revision, IReadOnlyList<ScenarioProblem> problems, string? message, bool isError, int status = 200)
    {
        var canEdit = Can(ctx, Roles.Edit);
        var id = E(Uri.EscapeDataString(s.Id));
        var b = new StringBuilder();
        b.Append("<h1>").Append(E(s.Name)).Append("</h1><p><code>").Append(E(s.Id)).Append("</code> · revision ").Append(s.Revision.ToString(CultureInfo.InvariantCulture))
            .Append(", saved ").Append(Time(s.UpdatedUtc)).Append(" by ").Append(E(s.UpdatedBy)).Append(" · <a href=\"/runs?scenario=").Append(id).Append("\">runs</a></p>");
        if (message is not null) b.Append("<p id=\"message\" class=\"").Append(isError ? "error" : "ok").Append("\" role=\"status\">").Append(E(message)).Append("</p>");
        if (!canEdit) b.Append("<p class=\"notice\" id=\"readonly\">Read only: your role can view scenarios and runs, not edit or run them.</p>");

        b.Append("<form method=\"post\" action=\"/scenarios/").Append(id).Append("\" id=\"editor-form\">");
        if (canEdit) b.Append(Token(ctx));
        b.Append("<input type=\"hidden\" name=\"revision\" value=\"").Append(revision.ToString(CultureInfo.InvariantCulture)).Append("\">");
        b.Append("<div class=\"editor\"><div class=\"gutter\" id=\"gutter\" aria-hidden=\"true\"></div><textarea id=\"yaml\" name=\"yaml\" spellcheck=\"false\" aria-label=\"Scenario YAML\"")
            .Append(canEdit ? "" : " readonly").Append('>').Append(E(text)).Append("</textarea></div>");
        b.Append("<h2>Problems <span id=\"problem-count\"></span></h2><ul class=\"problems\" id=\"problems\">");
        foreach (var p in problems) b.Append(ProblemItem(p));
        b.Append("</ul>");
        if (canEdit) b.Append("<p><button type=\"submit\" id=\"save\">Save</button></p>");
        b.Append("</form>");
        if (canEdit)
        {
            b.Append("<form method=\"post\" action=\"/scenarios/").Append(id).Append("/runs\" class=\"inline\">").Append(Token(ctx))
                .Append("<input type=\"hidden\" name=\"from\" value=\"editor\"><button type=\"submit\" id=\"run\">Run the saved scenario</button></form> ");
            b.Append("<form method=\"post\" action=\"/scenarios/").Append(id).Append("/copy\" class=\"inline\">").Append(Token(ctx))
                .Append("<label>Save as a new scenario with id <input name=\"newId\" pattern=\"[a-z0-9_\\-]+\" required></label> <button type=\"submit\">Copy</button></form>");
            b.Append("<form method=\"post\" action=\"/scenarios/").Append(id).Append("/upload\" enctype=\"multipart/form-data\">").Append(Token(ctx))
                .Append("<p><label>Load a YAML file into the editor <input type=\"file\" name=\"file\" accept=\".yaml,.yml,text/yaml\"></label> <button type=\"submit\">Load</button></p></form>");
        }
        var script = EditorScript.Replace("__ID__", System.Text.Json.JsonSerializer.Serialize(s.Id), StringComparison.Ordinal)
            .Replace("__LIVE__", canEdit ? "true" : "false", StringComparison.Ordinal);
        return Page(ctx, s.Name, b.ToString(), script, status);
    }

    private static string ProblemItem(ScenarioProblem p) =>
        $"<li class=\"{E(p.Severity)}\" data-line=\"{p.Line.ToString(CultureInfo.InvariantCulture)}\">Line {p.Line.ToString(CultureInfo.InvariantCulture)}, column {p.Column.ToString(CultureInfo.InvariantCulture)}: {E(p.Severity == "warning" ? "warning: " : "")}{E(p.Message)} <small>({E(p.Code)})</small></li>";

    private const string EditorScript = """
        (() => {
          const id = __ID__, live = __LIVE__;
          const ta = document.getElementById('yaml'), gutter = document.getElementById('gutter'), list = document.getElementById('problems');
          const count = document.getElementById('problem-count');
          const token = document.querySelector('meta[name=csrf-token]')?.content ?? '';
          let lines = new Map();
          function readLines() { lines = new Map(); for (const li of list.querySelectorAll('li')) lines.set(+li.dataset.line, li.className); }
          function paint() {
            const n = ta.value.split('\n').length; let html = '';
            for (let i = 1; i <= n; i++) html += `<div id="line-${i}" class="${lines.has(i) ? 'err' : ''}">${i}</div>`;
            gutter.innerHTML = html;
            const errors = list.querySelectorAll('li.error').length;
            count.textContent = errors === 0 && list.children.length === 0 ? '(none)' : `(${errors} error${errors === 1 ? '' : 's'})`;
            ta.style.height = 'auto'; ta.style.height = ta.scrollHeight + 'px';
          }
          function esc(s) { const d = document.createElement('div'); d.textContent = s; return d.innerHTML; }
          async function validate() {
            const res = await fetch('/api/scenarios/validate', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': token }, body: JSON.stringify({ yaml: ta.value, id }) });
            if (!res.ok) { const p = await res.json().catch(() => ({})); list.innerHTML = `<li class="error" data-line="1">${esc(p.detail ?? ('validation failed: ' + res.status))}</li>`; }
            else {
              const body = await res.json();
              list.innerHTML = body.problems.map(p => `<li class="${esc(p.severity)}" data-line="${p.line}">Line ${p.line}, column ${p.column}: ${p.severity === 'warning' ? 'warning: ' : ''}${esc(p.message)} <small>(${esc(p.code)})</small></li>`).join('');
            }
            readLines(); paint();
          }
          let timer = 0;
          ta.addEventListener('input', () => { paint(); if (live) { clearTimeout(timer); timer = setTimeout(validate, 400); } });
          list.addEventListener('click', e => {
            const li = e.target.closest('li'); if (!li) return;
            const n = +li.dataset.line, parts = ta.value.split('\n'); let start = 0;
            for (let i = 0; i < n - 1 && i < parts.length; i++) start += parts[i].length + 1;
            ta.focus(); ta.setSelectionRange(start, start + (parts[n - 1] ?? '').length);
            document.getElementById('line-' + n)?.scrollIntoView({ block: 'center' });
          });
          readLines(); paint();
        })();
        """;

    private static string StatusBadge(string status) => $"<span class=\"status {E(status)}\" data-status=\"{E(status)}\">{E(status)}</span>";

    private static IResult RunList(HttpContext ctx, List<RunSummary> runs)
    {
        var scenario = ctx.Request.Query["scenario"].ToString();
        if (scenario.Length > 0) runs = runs.Where(r => r.ScenarioId == scenario).ToList();
        var b = new StringBuilder("<h1>Runs</h1>");
        if (runs.Count == 0) b.Append("<p>No runs yet: open a scenario and run it.</p>");
        b.Append("<form method=\"get\" action=\"/compare\"><table id=\"runs\"><thead><tr><th>A</th><th>B</th><th>Run</th><th>Scenario</th><th>Status</th><th>Stage</th><th>Started by</th><th>Created</th><th>Finished</th></tr></thead><tbody>");
        foreach (var r in runs)
        {
            var id = r.Id.ToString(CultureInfo.InvariantCulture);
            var pick = r.HasResult ? "" : " disabled";
            b.Append("<tr data-run=\"").Append(id).Append("\"><td><input type=\"radio\" name=\"a\" value=\"").Append(id).Append('"').Append(pick).Append(" aria-label=\"A: run ").Append(id).Append("\"></td>")
                .Append("<td><input type=\"radio\" name=\"b\" value=\"").Append(id).Append('"').Append(pick).Append(" aria-label=\"B: run ").Append(id).Append("\"></td>")
                .Append("<td><a href=\"/runs/").Append(id).Append("\">#").Append(id).Append("</a></td><td>").Append(E(r.ScenarioId)).Append(" <small>r").Append(r.ScenarioRevision.ToString(CultureInfo.InvariantCulture)).Append("</small></td><td>")
                .Append(StatusBadge(r.Status)).Append("</td><td>").Append(E(r.Stage)).Append("</td><td>").Append(E(r.CreatedBy)).Append("</td><td>").Append(Time(r.CreatedUtc))
                .Append("</td><td>").Append(Time(r.FinishedUtc)).Append("</td></tr>");
        }
        b.Append("</tbody></table><button type=\"submit\" id=\"compare\">Compare A and B</button></form>");
        return Page(ctx, "Runs", b.ToString());
    }

    private static IResult RunDetail(HttpContext ctx, RunSummary r, List<RunSummary> others)
    {
        var id = r.Id.ToString(CultureInfo.InvariantCulture);
        var finished = RunStatusCodes.Parse(r.Status).IsFinished();
        var b = new StringBuilder();
        b.Append("<h1>Run #").Append(id).Append(": ").Append(E(r.ScenarioName)).Append("</h1>")
            .Append("<p>Scenario <a href=\"/scenarios/").Append(E(Uri.EscapeDataString(r.ScenarioId))).Append("\">").Append(E(r.ScenarioId)).Append("</a> revision ")
            .Append(r.ScenarioRevision.ToString(CultureInfo.InvariantCulture)).Append(" · started by ").Append(E(r.CreatedBy)).Append(" at ").Append(Time(r.CreatedUtc)).Append("</p>");
        b.Append("<p>Status: <span id=\"status\">").Append(StatusBadge(r.Status)).Append("</span> <span id=\"stage\">").Append(E(r.Stage)).Append("</span> <span id=\"elapsed\"></span></p>");
        if (r.Error is not null) b.Append("<p class=\"error\" id=\"error\">").Append(E(r.Error)).Append("</p>");
        if (!finished)
        {
            b.Append("<p><progress id=\"progress\" max=\"1\" aria-label=\"Run progress\"></progress></p>");
            if (Can(ctx, Roles.Edit))
                b.Append("<form method=\"post\" action=\"/runs/").Append(id).Append("/cancel\">").Append(Token(ctx))
                    .Append("<input type=\"hidden\" name=\"from\" value=\"detail\"><button type=\"submit\" class=\"danger\" id=\"cancel\">Cancel the run</button></form>");
        }
        if (r.HasResult)
        {
            b.Append("<p><a href=\"/api/runs/").Append(id).Append("/result\" download=\"result.json\">result.json</a> · <a href=\"/runs/").Append(id)
                .Append("/briefing\" target=\"_blank\">open the briefing in its own tab</a></p>");
            var candidates = others.Where(o => o.Id != r.Id && o.HasResult).ToList();
            if (candidates.Count > 0)
            {
                b.Append("<form method=\"get\" action=\"/compare\"><input type=\"hidden\" name=\"a\" value=\"").Append(id).Append("\"><label>Compare with <select name=\"b\" id=\"compare-with\">");
                foreach (var o in candidates) b.Append("<option value=\"").Append(o.Id.ToString(CultureInfo.InvariantCulture)).Append("\">#").Append(o.Id.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(E(o.ScenarioId)).Append("</option>");
                b.Append("</select></label> <button type=\"submit\">Compare</button></form>");
            }
            b.Append("<iframe class=\"briefing\" id=\"briefing\" title=\"Briefing of run ").Append(id).Append("\" sandbox=\"allow-scripts\" src=\"/runs/").Append(id).Append("/briefing\"></iframe>");
        }
        var script = finished ? null : ProgressScript.Replace("__ID__", id, StringComparison.Ordinal);
        return Page(ctx, "Run #" + id, b.ToString(), script);
    }

    private const string ProgressScript = """
        (() => {
          const es = new EventSource('/api/runs/__ID__/events');
          const status = document.getElementById('status'), stage = document.getElementById('stage'), elapsed = document.getElementById('elapsed');
          es.addEventListener('progress', e => {
            const p = JSON.parse(e.data);
            status.innerHTML = `<span class="status ${p.status}" data-status="${p.status}">${p.status}</span>`;
            stage.textContent = p.stage; elapsed.textContent = `(${p.elapsedSeconds.toFixed(0)} s)`;
            const bar = document.getElementById('progress'); if (bar && p.done > 0) bar.value = p.done;
            if (['succeeded', 'failed', 'cancelled', 'interrupted'].includes(p.status)) { es.close(); setTimeout(() => location.reload(), 300); }
          });
          es.onerror = () => { stage.textContent += ' (connection lost; reload to resume)'; es.close(); };
        })();
        """;

    private static IResult ComparePage(HttpContext ctx, List<RunSummary> runs, RunComparison? c, string? error, long? a, long? b, int status = 200)
    {
        var sb = new StringBuilder("<h1>Compare two runs</h1><form method=\"get\" action=\"/compare\">");
        string Select(string name, long? selected)
        {
            var s = new StringBuilder($"<select name=\"{name}\" id=\"pick-{name}\">");
            foreach (var r in runs.Where(r => r.HasResult))
                s.Append("<option value=\"").Append(r.Id.ToString(CultureInfo.InvariantCulture)).Append('"').Append(r.Id == selected ? " selected" : "").Append(">#")
                    .Append(r.Id.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(E(r.ScenarioId)).Append("</option>");
            return s.Append("</select>").ToString();
        }
        sb.Append("<label>A ").Append(Select("a", a)).Append("</label> <label>B ").Append(Select("b", b)).Append("</label> <button type=\"submit\">Compare</button></form>");
        if (error is not null) sb.Append("<p class=\"error\" role=\"alert\">").Append(E(error)).Append("</p>");
        if (c is not null)
        {
            string Run(RunSummary r) => $"<a href=\"/runs/{r.Id}\">#{r.Id}</a> {E(r.ScenarioId)} (revision {r.ScenarioRevision})";
            sb.Append("<h2>Headline</h2><table id=\"headline\"><thead><tr><th></th><th>A: ").Append(Run(c.A)).Append("</th><th>B: ").Append(Run(c.B)).Append("</th><th>B − A</th></tr></thead><tbody>");
            foreach (var f in c.Headline)
            {
                var cls = f.Delta is > 0 ? "delta-pos" : f.Delta is < 0 ? "delta-neg" : "";
                sb.Append("<tr><th>").Append(E(f.Name)).Append("</th><td class=\"num\">").Append(Fmt(f.A, f.Format)).Append("</td><td class=\"num\">").Append(Fmt(f.B, f.Format))
                    .Append("</td><td class=\"num ").Append(cls).Append("\">").Append(f.Delta is { } d ? (d > 0 ? "+" : "") + Fmt(d, f.Format) : "").Append("</td></tr>");
            }
            sb.Append("</tbody></table>");
            var changed = c.Units.Where(u => u.Presence != "both" || u.SlotA != u.SlotB).ToList();
            sb.Append("<h2>Force package differences</h2><p>").Append(c.Units.Count(u => u.Presence == "both")).Append(" units in both, ")
                .Append(c.Units.Count(u => u.Presence == "only a")).Append(" only in A, ").Append(c.Units.Count(u => u.Presence == "only b")).Append(" only in B.</p>");
            sb.Append("<table id=\"units\"><thead><tr><th>Unit</th><th>Nation</th><th>Kind</th><th>In</th><th>Slot in A</th><th>Slot in B</th><th>Personnel</th></tr></thead><tbody>");
            foreach (var u in changed)
                sb.Append("<tr><td>").Append(E(u.UnitName)).Append(" <small>").Append(E(u.Unit)).Append("</small></td><td>").Append(E(u.Nation)).Append("</td><td>").Append(E(u.Kind))
                    .Append("</td><td class=\"nowrap\">").Append(u.Presence switch { "only a" => "A only", "only b" => "B only", _ => "both" }).Append("</td><td>").Append(E(u.SlotA)).Append("</td><td>").Append(E(u.SlotB)).Append("</td><td class=\"num\">")
                    .Append(u.Personnel.ToString("#,0", CultureInfo.InvariantCulture)).Append("</td></tr>");
            if (changed.Count == 0) sb.Append("<tr><td colspan=\"7\">The same units in the same slots.</td></tr>");
            sb.Append("</tbody></table>");
            sb.Append("<h2>Outcome bands (with the coalition, P10 / P50 / P90)</h2><table id=\"outcomes\"><thead><tr><th>Metric</th><th>A</th><th>B</th></tr></thead><tbody>");
            foreach (var o in c.Outcomes)
                sb.Append("<tr><th>").Append(E(o.Metric)).Append(" <small>").Append(E(o.Unit)).Append("</small></th><td class=\"num\">").Append(Band(o.A10, o.A50, o.A90))
                    .Append("</td><td class=\"num\">").Append(Band(o.B10, o.B50, o.B90)).Append("</td></tr>");
            if (c.Outcomes.Count == 0) sb.Append("<tr><td colspan=\"3\">Neither run computed the balance stage.</td></tr>");
            sb.Append("</tbody></table><h2>Sensitivity: the widest tornado bars</h2><table id=\"sensitivity\"><thead><tr><th>Output</th><th>A</th><th>B</th></tr></thead><tbody>");
            foreach (var s in c.Sensitivity)
                sb.Append("<tr><th>").Append(E(s.Output)).Append("</th><td>").Append(E(string.Join(", ", s.A))).Append("</td><td>").Append(E(string.Join(", ", s.B))).Append("</td></tr>");
            if (c.Sensitivity.Count == 0) sb.Append("<tr><td colspan=\"3\">No sensitivity analysis in either run.</td></tr>");
            sb.Append("</tbody></table>");
        }
        return Page(ctx, "Compare", sb.ToString(), status: status);
    }

    private static string Fmt(double? v, string format) => v is { } x && double.IsFinite(x) ? E(x.ToString(format, CultureInfo.InvariantCulture)) : "–";

    private static string Band(double? p10, double? p50, double? p90) =>
        p50 is null ? "–" : $"{Fmt(p10, "#,0.##")} / <strong>{Fmt(p50, "#,0.##")}</strong> / {Fmt(p90, "#,0.##")}";
}
